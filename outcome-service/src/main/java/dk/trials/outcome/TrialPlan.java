package dk.trials.outcome;

import dk.trials.events.trial.TrialStatus;
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
 * What the analysis needs of a trial, learned from trial-events: its arms in design order, the control arm, the
 * follow-up horizon and the events the power calculation plans for.
 */
@Entity
@Table(name = "trial_plan")
public class TrialPlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public TrialStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> arms;

    @Column(name = "control_arm")
    public String controlArm;

    @Column(name = "horizon_days")
    public int horizonDays;

    @Column(name = "planned_events")
    public Integer plannedEvents;

    /** Audit: the SHA-256 of the design the plan was taken from; the analysis does not read it. */
    @Column(name = "design_hash")
    public String designHash;

    /**
     * When the trial event applied last occurred: an event that occurred before it is older and is not applied.
     * Null on plans learned before this was recorded (the next event of any age then applies).
     */
    @Column(name = "event_occurred_at")
    public Instant eventOccurredAt;

    /** Audit: when outcome-service last applied a trial event to this plan. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The arms compared with control, in design order. */
    public List<String> experimentalArms() {
        return arms.stream().filter(arm -> !arm.equals(controlArm)).toList();
    }
}
