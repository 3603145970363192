package dk.trials.outcome;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A trial's citizens assessed for eligibility as enrolment-service's latest allocation checkpoint counted them: those
 * allocated and those excluded, with the excluded by reason (a citizen failing several criteria under each).
 * Replaced by each newer checkpoint.
 */
@Entity
@Table(name = "trial_screening")
public class TrialScreening extends PanacheEntityBase {

    @Id
    @Column(name = "trial_id")
    public UUID trialId;

    public long allocated;

    public long excluded;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "excluded_by_reason", columnDefinition = "jsonb")
    public Map<String, Long> excludedByReason;

    /** When enrolment-service counted them: the checkpoint's publishedAt. */
    @Column(name = "counted_at")
    public Instant countedAt;
}
