package dk.trials.trial.rest;

import dk.trials.events.trial.PrimaryOutcomeType;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A trial as the API shows it: identity and lifecycle state beside every field of its design. */
@Schema(name = "Trial")
public record TrialResponse(
        UUID id,
        TrialStatus status,
        @Schema(description = "SHA-256 of the canonical design as it now stands, set when the trial opens and renewed by "
                + "each amendment; null for a draft", nullable = true) String designHash,
        @Schema(description = "Events needed for the planned power, set when the trial opens; null for a draft or a "
                + "design without power assumptions", nullable = true) Integer plannedEvents,
        @Schema(description = "Number of the latest amendment, 0 before any") int amendment,
        String title,
        TrialType type,
        String targetGroup,
        List<Arm> arms,
        Randomisation randomisation,
        Eligibility eligibility,
        @Schema(description = "Municipality codes of the jobcentres the trial runs in") List<String> jobcentres,
        PrimaryOutcome primaryOutcome,
        int plannedParticipants,
        EnrolmentPeriod enrolmentPeriod,
        @Schema(description = "What the trial is powered for; null without power assumptions", nullable = true)
        PowerAssumptions power,
        @Schema(description = "The name of each jobcentre (municipality) in jobcentres, by code") Map<String, String> jobcentreNames,
        @Schema(description = "Power calculation for the primary outcome: stored when the trial opens, computed live for a draft; "
                + "null without power assumptions", nullable = true) SampleSizeResponse sampleSize,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    @Schema(name = "Arm", description = "One arm of a trial")
    public record Arm(String code, String name, int allocationWeight, boolean control) {
    }

    @Schema(name = "Randomisation", description = "How participants are allocated; each list is null where the design "
            + "has none, minimisationProbability is set for MINIMISATION only")
    public record Randomisation(
            RandomisationMethod method,
            @Schema(nullable = true) List<Integer> blockSizes,
            @Schema(nullable = true) List<StratificationFactor> stratifyBy,
            @Schema(nullable = true) List<Integer> ageBands,
            @Schema(nullable = true) List<StratificationFactor> minimisationFactors,
            @Schema(nullable = true) Double minimisationProbability) {
    }

    @Schema(name = "Eligibility", description = "Who may be enrolled; null means no bound")
    public record Eligibility(
            @Schema(nullable = true) List<String> benefitTypes,
            @Schema(nullable = true) Integer minAge,
            @Schema(nullable = true) Integer maxAge,
            @Schema(nullable = true) Integer maxWeeksUnemployed) {
    }

    @Schema(name = "PrimaryOutcome", description = "The outcome the trial is powered for and analysed on")
    public record PrimaryOutcome(PrimaryOutcomeType type, int horizonWeeks) {
    }

    @Schema(name = "EnrolmentPeriod", description = "The days on which participants may be enrolled, both included")
    public record EnrolmentPeriod(LocalDate start, LocalDate end) {
    }

    @Schema(name = "PowerAssumptions", description = "What the trial is powered for")
    public record PowerAssumptions(
            @Schema(nullable = true) Double baselineIncidence,
            @Schema(nullable = true) Double minimumDetectableDifference,
            @Schema(nullable = true) Double alpha,
            @Schema(nullable = true) Double power,
            @Schema(description = "Null when derived from the incidences under proportional hazards", nullable = true)
            Double hazardRatio) {
    }
}
