package dk.trials.outcome;

import dk.trials.events.trial.FutilityPlan;
import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.SpendingPlan;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * What the analysis needs of a trial, learned from trial-events: its arms in design order with their allocation
 * weights, the control arm, the follow-up horizon, the events the power calculation plans for (overall and per
 * comparison), and how the trial is monitored: its monitoring plan, family-wise alpha and beta. The plan is kept in
 * columns of its own; a plan learned before monitoring plans were stored has them null until its next trial event and
 * reads as the legacy plan meanwhile.
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

    /** The allocation weight of each arm, in the order of {@link #arms}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allocation_weights", columnDefinition = "integer[]")
    public List<Integer> allocationWeights;

    /** The planned events (arm and control together) of each comparison, in the order of {@link #experimentalArms}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "comparison_planned_events", columnDefinition = "integer[]")
    public List<Integer> comparisonPlannedEvents;

    /** The first day of enrolment: no data cut of a look lies before it. */
    @Column(name = "enrolment_start")
    public LocalDate enrolmentStart;

    @Column(name = "family_wise_alpha")
    public Double familyWiseAlpha;

    /** 1 − the design's power (0.2 when the design names none): what beta-spending futility spends. */
    public Double beta;

    /**
     * Audit: whether the design named no plan (a trial opened before plans existed), so that the legacy plan was
     * stored; the analysis reads the plan itself, which names its classic spending function.
     */
    @Column(name = "legacy_monitoring_plan")
    public Boolean legacyMonitoringPlan;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "information_fractions", columnDefinition = "double precision[]")
    public List<Double> informationFractions;

    @Column(name = "spending_family")
    public String spendingFamily;

    @Column(name = "spending_gamma")
    public Double spendingGamma;

    @Enumerated(EnumType.STRING)
    @Column(name = "futility_method")
    public FutilityPlan.FutilityMethod futilityMethod;

    @Column(name = "futility_beta_spending")
    public String futilityBetaSpending;

    @Column(name = "futility_gamma")
    public Double futilityGamma;

    @Column(name = "futility_conditional_power_below")
    public Double futilityConditionalPowerBelow;

    @Column(name = "reporting_lag_days")
    public Integer reportingLagDays;

    /** Europe/Copenhagen time of day of the scheduled looks. */
    @Column(name = "look_time")
    public LocalTime lookTime;

    /** Audit: the SHA-256 of the design the plan was taken from; the analysis does not read it. */
    @Column(name = "design_hash")
    public String designHash;

    /**
     * The {@code trialVersion} of the trial event applied last: only an event with a greater one is newer. Null while
     * only events published before versions existed have described the trial.
     */
    @Column(name = "trial_version")
    public Long trialVersion;

    /**
     * When the trial event applied last occurred: between events that carry no version, one that occurred before it
     * is older and is not applied. Null on plans learned before this was recorded (the next event of any age then
     * applies).
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

    /** The plan the trial is monitored by; the legacy plan until a plan has been learned. */
    public MonitoringPlan monitoringPlan() {
        if (spendingFamily == null) {
            return MonitoringPlan.legacy();
        }
        FutilityPlan futility = futilityMethod == null ? null
                : new FutilityPlan(futilityMethod, futilityBetaSpending, futilityGamma, futilityConditionalPowerBelow);
        return new MonitoringPlan(informationFractions, new SpendingPlan(spendingFamily, spendingGamma), futility,
                reportingLagDays, lookTime);
    }

    /** The monitoring plan, taken apart into the columns that keep it. */
    public void monitorBy(MonitoringPlan plan, boolean legacy) {
        legacyMonitoringPlan = legacy;
        informationFractions = List.copyOf(plan.informationFractions());
        spendingFamily = plan.spending().family();
        spendingGamma = plan.spending().gamma();
        FutilityPlan futility = plan.futility();
        futilityMethod = futility == null ? null : futility.method();
        futilityBetaSpending = futility == null ? null : futility.betaSpending();
        futilityGamma = futility == null ? null : futility.gamma();
        futilityConditionalPowerBelow = futility == null ? null : futility.conditionalPowerBelow();
        reportingLagDays = plan.reportingLagDays();
        lookTime = plan.lookTime();
    }

    /** An arm's allocation weight; 1 on plans learned before weights were kept. */
    public int allocationWeight(String arm) {
        int index = arms.indexOf(arm);
        return allocationWeights == null || index < 0 ? 1 : allocationWeights.get(index);
    }
}
