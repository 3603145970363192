package dk.trials.trial;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A numbered change to an opened trial's design, limited to what keeps the trial valid: jobcentres added, the
 * enrolment period extended, planned participants raised, looks added to the monitoring plan or its reporting lag
 * and look time changed. Kept for good, never edited.
 */
@Entity
@Table(name = "trial_amendment")
public class TrialAmendment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "trial_id")
    public UUID trialId;

    public int number;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "added_jobcentres", columnDefinition = "jsonb")
    public List<String> addedJobcentres;

    @Column(name = "enrolment_period_end_before")
    public LocalDate enrolmentPeriodEndBefore;

    @Column(name = "enrolment_period_end")
    public LocalDate enrolmentPeriodEnd;

    @Column(name = "planned_participants_before")
    public int plannedParticipantsBefore;

    @Column(name = "planned_participants")
    public int plannedParticipants;

    /** The plan before an amendment that changed it; null when the plan was not changed, or was the legacy plan. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "monitoring_plan_before", columnDefinition = "jsonb")
    public Design.MonitoringPlan monitoringPlanBefore;

    /** The plan after an amendment that changed it; null when the amendment left the plan alone. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "monitoring_plan", columnDefinition = "jsonb")
    public Design.MonitoringPlan monitoringPlan;

    @Column(name = "design_hash_before")
    public String designHashBefore;

    @Column(name = "design_hash_after")
    public String designHashAfter;

    @Column(name = "amended_by")
    public String amendedBy;

    @Column(name = "amended_at")
    public Instant amendedAt;

    public static List<TrialAmendment> of(UUID trialId) {
        return list("trialId = ?1 order by number", trialId);
    }
}
