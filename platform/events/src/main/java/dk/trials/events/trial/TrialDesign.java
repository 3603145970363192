package dk.trials.events.trial;


import java.util.List;
import java.util.Optional;

/**
 * The design of a trial as the contract names it, plus the power assumptions behind its planned size; frozen when
 * the trial opens. {@code monitoringPlan} is null only on trials opened before monitoring plans existed.
 */
public record TrialDesign(
        String title,
        TrialType type,
        String targetGroup,
        List<ArmDesign> arms,
        RandomisationDesign randomisation,
        EligibilityCriteria eligibility,
        List<String> jobcentres,
        PrimaryOutcome primaryOutcome,
        Integer plannedParticipants,
        EnrolmentPeriod enrolmentPeriod,
        PowerAssumptions power,
        MonitoringPlan monitoringPlan) {

    /** The two-sided family-wise alpha when the power assumptions name none. */
    public static final double DEFAULT_ALPHA = 0.05;

    public Optional<ArmDesign> controlArm() {
        return arms.stream().filter(ArmDesign::control).findFirst();
    }

    /** The sum of the arms' allocation weights: the smallest block that holds every arm in proportion. */
    public int totalAllocationWeight() {
        return arms.stream().mapToInt(ArmDesign::allocationWeight).sum();
    }

    /** The plan monitoring follows: the design's, or for a trial opened before plans existed the legacy one. */
    public MonitoringPlan monitoringPlanOrLegacy() {
        return monitoringPlan == null ? MonitoringPlan.legacy() : monitoringPlan;
    }

    /** The two-sided level monitoring controls the family-wise error at: the power assumptions' alpha. */
    public double familyWiseAlpha() {
        return power == null || power.alpha() == null ? DEFAULT_ALPHA : power.alpha();
    }
}
