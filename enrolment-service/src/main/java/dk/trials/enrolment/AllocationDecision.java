package dk.trials.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trials.events.trial.RandomisationMethod;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One allocation with every input it was made from: the state before it under its lock (a stratum's block, or a
 * trial's marginal counts), the participant's factor levels and the random draws. Replaying the allocation function
 * on these inputs must give {@code arm} again.
 * <p>
 * {@code stateBefore} and {@code draws} are kept as the JSON the allocator wrote: their shape is the allocator's
 * state type (a block, marginal counts, nothing) and its draws, which the replay and the log export read back.
 */
@Entity
@Table(name = "allocation_decision")
public class AllocationDecision extends PanacheEntityBase {

    @Id
    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(name = "trial_id")
    public UUID trialId;

    /** The allocation sequence this decision belongs to (a stratum, or the whole trial); null for simple randomisation. */
    @Column(name = "lock_key")
    public String lockKey;

    /** 1, 2, 3, … within the lock key: the order in which the allocations were made. */
    public long position;

    @Enumerated(EnumType.STRING)
    public RandomisationMethod method;

    public String stratum;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> levels;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "state_before", columnDefinition = "jsonb")
    public JsonNode stateBefore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode draws;

    public String arm;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** A trial's decisions in replay order: sequence by sequence, each in the order it was made. */
    public static List<AllocationDecision> ofTrial(UUID trialId) {
        return list("trialId = ?1 order by lockKey nulls first, position, decidedAt, enrolmentId", trialId);
    }
}
