package dk.trials.enrolment;

import dk.trials.platform.cpr.TrialPseudonym;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A citizen allocated to an arm of a trial. The citizen is known only by keyed CPR pseudonyms; the allocation is
 * never changed or deleted, a withdrawal is recorded beside it.
 */
@Entity
@Table(name = "enrolment")
// The service may update only the withdrawal columns of an enrolment (db/roles/afterMigrate.sql): an update names
// only the columns that changed, never the allocation's.
@DynamicUpdate
public class Enrolment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "trial_id")
    public UUID trialId;

    /**
     * The per-trial pseudonym with its key id ({@code v1:…}), as published: see
     * {@link dk.trials.platform.cpr.CprPseudonymiser}. A key rotation re-keys it from {@link #citizen}.
     */
    public String participant;

    /**
     * The citizen's base pseudonym, the same in every trial: one allocation per citizen and trial is enforced on it,
     * whatever key the participant pseudonym is under. It never leaves the service.
     */
    public String citizen;

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
     * The enrolment's number within its trial: 1, 2, 3 ... without gaps, given only once the enrolment has committed
     * (by {@code EnrolmentNumbering}, under its trial's {@code enrolment_number} row lock), null before.
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
    public static Enrolment allocated(UUID trialId, TrialPseudonym participant, String arm, String jobcentre, String stratum,
                                      Instant enrolledAt, LocalDate enrolledOn, boolean imported, String enrolledBy) {
        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.trialId = trialId;
        enrolment.participant = participant.participant();
        enrolment.citizen = participant.citizen();
        enrolment.arm = arm;
        enrolment.jobcentre = jobcentre;
        enrolment.stratum = stratum;
        enrolment.enrolledAt = enrolledAt;
        enrolment.enrolledOn = enrolledOn;
        enrolment.imported = imported;
        enrolment.enrolledBy = enrolledBy;
        return enrolment;
    }

    public static Optional<Enrolment> of(UUID trialId, TrialPseudonym participant) {
        return find("trialId = ?1 and citizen = ?2", trialId, participant.citizen()).firstResultOptional();
    }

    public boolean withdrawn() {
        return withdrawnOn != null;
    }
}
