package dk.trials.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A citizen allocated to an arm of a trial. The citizen is known only by the keyed CPR pseudonym; the allocation is
 * never changed or deleted, a withdrawal is recorded beside it.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "trial_id")
    public UUID trialId;

    /** HMAC-SHA256 pseudonym of the CPR number. */
    public String participant;

    public String arm;

    public String jobcentre;

    public String stratum;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;

    /** Analysis start: the Europe/Copenhagen date of {@code enrolledAt}, or the date given for an import. */
    @Column(name = "enrolled_on")
    public LocalDate enrolledOn;

    public boolean imported;

    /**
     * The enrolment's number within its trial: 1, 2, 3 ... without gaps, in the order the enrolments committed. Given
     * when the enrolment is recorded (under its trial's {@code enrolment_number} row lock), null before.
     */
    public Long sequence;

    /** Audit: the token that enrolled or imported the citizen; written, never read by the service. */
    @Column(name = "enrolled_by")
    public String enrolledBy;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** Audit: the token that recorded the withdrawal; written, never read by the service. */
    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /**
     * A new allocation, randomised here or imported from elsewhere: the one place its columns are filled.
     *
     * @param enrolledAt when it was made; for an import, the start of the given day
     * @param enrolledOn the analysis start
     */
    public static Enrolment allocated(UUID trialId, String participant, String arm, String jobcentre, String stratum,
                                      Instant enrolledAt, LocalDate enrolledOn, boolean imported, String enrolledBy) {
        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.trialId = trialId;
        enrolment.participant = participant;
        enrolment.arm = arm;
        enrolment.jobcentre = jobcentre;
        enrolment.stratum = stratum;
        enrolment.enrolledAt = enrolledAt;
        enrolment.enrolledOn = enrolledOn;
        enrolment.imported = imported;
        enrolment.enrolledBy = enrolledBy;
        return enrolment;
    }

    public static Optional<Enrolment> of(UUID trialId, String participant) {
        return find("trialId = ?1 and participant = ?2", trialId, participant).firstResultOptional();
    }

    public boolean withdrawn() {
        return withdrawnOn != null;
    }
}
