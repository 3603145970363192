package dk.trials.events.trial;


import java.util.List;
import java.util.Optional;

/**
 * The design of a trial as the contract names it, plus the power assumptions behind its planned size; frozen when
 * the trial opens.
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
        PowerAssumptions power) {

    public Optional<ArmDesign> controlArm() {
        return arms.stream().filter(ArmDesign::control).findFirst();
    }

    /** The sum of the arms' allocation weights: the smallest block that holds every arm in proportion. */
    public int totalAllocationWeight() {
        return arms.stream().mapToInt(ArmDesign::allocationWeight).sum();
    }
}
