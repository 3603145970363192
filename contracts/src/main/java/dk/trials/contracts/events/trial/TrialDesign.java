package dk.trials.contracts.events.trial;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;

/**
 * The design of a trial as the contract names it, plus the power assumptions behind its planned size; frozen when
 * the trial opens.
 */
public record TrialDesign(
        @NotBlank @Size(max = 300) String title,
        @NotNull TrialType type,
        @NotBlank String targetGroup,
        @NotEmpty List<@Valid @NotNull ArmDesign> arms,
        @NotNull @Valid RandomisationDesign randomisation,
        @NotNull @Valid EligibilityCriteria eligibility,
        @NotEmpty List<@NotBlank String> jobcentres,
        @NotNull @Valid PrimaryOutcome primaryOutcome,
        @NotNull @Positive Integer plannedParticipants,
        @NotNull @Valid EnrolmentPeriod enrolmentPeriod,
        @Valid PowerAssumptions power) {

    public Optional<ArmDesign> controlArm() {
        return arms.stream().filter(ArmDesign::control).findFirst();
    }
}
