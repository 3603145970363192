package dk.trials.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A participant handed from one jobcentre of the trial to another (the citizen moved municipality). The allocation is
 * not touched: the transfer is a row of its own, and from then on the new jobcentre acts for the participant.
 */
@Entity
@Table(name = "enrolment_transfer")
public class EnrolmentTransfer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(name = "trial_id")
    public UUID trialId;

    /** 1 for the enrolment's first transfer, one more for each after; unique per enrolment. */
    public int number;

    @Column(name = "from_jobcentre")
    public String fromJobcentre;

    @Column(name = "to_jobcentre")
    public String toJobcentre;

    public String reason;

    /** Audit: the admin token that made the transfer; written, never read by the service. */
    @Column(name = "transferred_by")
    public String transferredBy;

    @Column(name = "transferred_at")
    public Instant transferredAt;

    /** The enrolment's latest transfer, if it was ever transferred. */
    public static Optional<EnrolmentTransfer> latestOf(UUID enrolmentId) {
        return find("enrolmentId = ?1 order by number desc", enrolmentId).firstResultOptional();
    }
}
