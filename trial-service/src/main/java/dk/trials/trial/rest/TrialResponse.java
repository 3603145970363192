package dk.trials.trial.rest;

import dk.trials.events.trial.FutilityPlan.FutilityMethod;
import dk.trials.events.trial.PrimaryOutcomeType;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialType;
import dk.trials.trial.Design;
import dk.trials.trial.DesignWarning;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.UUID;

/** A trial as the API shows it: identity and lifecycle state beside every field of its design. */
@Schema(name = "Trial")
public record TrialResponse(
        UUID id,
        TrialStatus status,
        @Schema(description = "SHA-256 of the canonical design as it now stands, set when the trial opens and renewed by "
                + "each amendment; null for a draft, and for a jobcentre token (see concealed)", nullable = true) String designHash,
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
        @Schema(description = "How the trial is monitored; for a draft the plan it will open with (defaults filled in), for "
                + "a trial opened before monitoring plans existed the legacy classic plan it was frozen with "
                + "(legacy: true); null for a design that is not randomised", nullable = true) MonitoringPlan monitoringPlan,
        @Schema(description = "The name of each jobcentre (municipality) in jobcentres, by code") Map<String, String> jobcentreNames,
        @Schema(description = "Power calculation for the primary outcome: stored when the trial opens, computed live for a draft; "
                + "null without power assumptions", nullable = true) SampleSizeResponse sampleSize,
        @Schema(description = "What weakens the design without breaking a rule: a design stratified by jobcentre with fewer "
                + "than two block sizes, or with a block smaller than twice the total allocation weight, lets a jobcentre "
                + "foresee allocations. Empty when there is nothing to warn of; null for a jobcentre token (see concealed)",
                nullable = true) List<Warning> warnings,
        @Schema(description = "True when this view leaves out what would predict the next allocation, as every jobcentre "
                + "token reads a trial: randomisation.blockSizes, randomisation.minimisationProbability, designHash (a "
                + "digest of a design whose other parts are shown would give the block sizes away) and warnings are null. "
                + "Arm weights, strata and minimisation factors stay. Tokens with any other role read the whole design")
        boolean concealed,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    @Schema(name = "DesignWarning", description = "A weakness of the design that is not refused: the field it is about "
            + "and why it is a risk")
    public record Warning(String field, String message) {

        static List<Warning> of(List<DesignWarning> warnings) {
            return warnings.stream().map(w -> new Warning(w.field(), w.message())).toList();
        }
    }

    @Schema(name = "Arm", description = "One arm of a trial")
    public record Arm(String code, String name, int allocationWeight, boolean control) {
    }

    @Schema(name = "Randomisation", description = "How participants are allocated; each list is null where the design "
            + "has none, minimisationProbability is set for MINIMISATION only. A jobcentre token reads blockSizes and "
            + "minimisationProbability as null: they would predict the next allocation")
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

    @Schema(name = "MonitoringPlan", description = "The formal looks of a trial and the error spending at them")
    public record MonitoringPlan(
            @Schema(description = "Information fractions of the planned formal looks; the last is 1") List<Double> informationFractions,
            SpendingPlan spending,
            @Schema(description = "Advisory futility; null for none", nullable = true) FutilityPlan futility,
            @Schema(description = "A look's default data cut is today minus this many days", examples = "14") int reportingLagDays,
            @Schema(description = "Europe/Copenhagen time of day, HH:mm, of scheduled looks", examples = "06:00") String lookTime,
            @Schema(description = "True for a trial opened before monitoring plans existed: it is monitored by the classic "
                    + "plan it was frozen with, which its design does not name") boolean legacy,
            @Schema(description = "The plan in words") String description) {

        private static final DateTimeFormatter HOURS_AND_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

        static MonitoringPlan of(Design.MonitoringPlan p, boolean legacy) {
            Design.Futility f = p.futility();
            return new MonitoringPlan(p.informationFractions(), new SpendingPlan(p.spending().family(), p.spending().gamma()),
                    f == null ? null : new FutilityPlan(f.method(), f.betaSpending(), f.gamma(), f.conditionalPowerBelow()),
                    p.reportingLagDays(), p.lookTime().format(HOURS_AND_MINUTES), legacy, describe(p, legacy));
        }

        private static String describe(Design.MonitoringPlan p, boolean legacy) {
            String looks = "formal looks at " + p.informationFractions().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " of the planned information";
            String spending = p.spending().family() + (p.spending().gamma() == null ? "" : " (γ = " + p.spending().gamma() + ")")
                    + " alpha spending";
            Design.Futility f = p.futility();
            String futility = f == null ? "no futility"
                    : f.method() == FutilityMethod.BETA_SPENDING ? "advisory beta-spending futility (" + f.betaSpending()
                    + (f.gamma() == null ? "" : ", γ = " + f.gamma()) + ")"
                    : "advisory futility below a conditional power of " + f.conditionalPowerBelow();
            String when = "scheduled at " + p.lookTime().format(HOURS_AND_MINUTES) + " Europe/Copenhagen on a data cut "
                    + p.reportingLagDays() + " days back";
            String plan = looks + "; " + spending + "; " + futility + "; " + when;
            return legacy ? "Legacy plan of a trial opened before monitoring plans existed: the classic two-sided "
                    + "Lan–DeMets O'Brien–Fleming function 2 − 2Φ(z_{α/2}/√t) it was frozen with; " + plan : plan;
        }
    }

    @Schema(name = "SpendingPlan", description = "The alpha-spending family by its rpact name, and γ where it takes one")
    public record SpendingPlan(
            @Schema(enumeration = {dk.trials.events.trial.SpendingPlan.OBRIEN_FLEMING, dk.trials.events.trial.SpendingPlan.POCOCK,
                    dk.trials.events.trial.SpendingPlan.KIM_DEMETS, dk.trials.events.trial.SpendingPlan.HWANG_SHIH_DECANI,
                    dk.trials.events.trial.SpendingPlan.LAN_DEMETS_CLASSIC}) String family,
            @Schema(nullable = true) Double gamma) {
    }

    @Schema(name = "FutilityPlan", description = "Advisory, non-binding futility")
    public record FutilityPlan(
            FutilityMethod method,
            @Schema(description = "BETA_SPENDING only: rpact typeBetaSpending family, one of bsOF, bsP, bsKD, bsHSD",
                    nullable = true) String betaSpending,
            @Schema(nullable = true) Double gamma,
            @Schema(nullable = true) Double conditionalPowerBelow) {
    }
}
