package dk.trials.outcome;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The latest check of a trial's participants against an allocation checkpoint of enrolment-service: what the
 * checkpoint counted, what outcome-service counted up to the same enrolment number, and the participants that differ.
 * Replaced by the check of each newer checkpoint.
 */
@Entity
@Table(name = "trial_reconciliation")
public class TrialReconciliation extends PanacheEntityBase {

    @Id
    @Column(name = "trial_id")
    public UUID trialId;

    /** The checkpoint's enrolment number: the enrolments numbered 1 to this one are compared. */
    @Column(name = "up_to_sequence")
    public long upToSequence;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "expected_per_arm", columnDefinition = "jsonb")
    public Map<String, Long> expectedPerArm;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "counted_per_arm", columnDefinition = "jsonb")
    public Map<String, Long> countedPerArm;

    @Column(name = "expected_withdrawn")
    public long expectedWithdrawn;

    @Column(name = "counted_withdrawn")
    public long countedWithdrawn;

    /** Participants counted whose enrolment event carried no number: enrolled before numbers, so under every one. */
    public long unsequenced;

    @Column(name = "missing_count")
    public long missingCount;

    /** The first missing enrolment numbers: outcome-service never heard of these enrolments, so knows no id. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "missing_sequences", columnDefinition = "bigint[]")
    public List<Long> missingSequences;

    @Column(name = "extra_count")
    public long extraCount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "extra_enrolments", columnDefinition = "uuid[]")
    public List<UUID> extraEnrolments;

    public boolean consistent;
}
