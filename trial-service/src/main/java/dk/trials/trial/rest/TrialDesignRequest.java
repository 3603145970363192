package dk.trials.trial.rest;

import dk.trials.events.trial.BenefitType;
import dk.trials.events.trial.FutilityPlan.FutilityMethod;
import dk.trials.events.trial.PrimaryOutcomeType;
import dk.trials.events.trial.SpendingPlan;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialType;
import dk.trials.platform.validation.FreeText;
import dk.trials.trial.Design;
import dk.trials.trial.service.power.PowerAssumptionRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static dk.trials.trial.rest.RequestConstraints.ARM_CODE;
import static dk.trials.trial.rest.RequestConstraints.ARM_CODE_MESSAGE;
import static dk.trials.trial.rest.RequestConstraints.LARGEST_BLOCK;
import static dk.trials.trial.rest.RequestConstraints.LARGEST_WEIGHT;
import static dk.trials.trial.rest.RequestConstraints.LONGEST_LIST;
import static dk.trials.trial.rest.RequestConstraints.LONGEST_UNEMPLOYMENT_WEEKS;
import static dk.trials.trial.rest.RequestConstraints.MOST_ARMS;
import static dk.trials.trial.rest.RequestConstraints.MOST_PARTICIPANTS;
import static dk.trials.trial.rest.RequestConstraints.NOT_BLANK;
import static dk.trials.trial.rest.RequestConstraints.NOT_BLANK_MESSAGE;
import static dk.trials.trial.rest.RequestConstraints.OLDEST_AGE;

/**
 * A trial design as a client sends it to create or edit a draft. Bean validation checks each field on its own (a
 * missing one answers 400, one out of range 422); {@code DesignValidator} then checks the rules between fields.
 */
@Schema(name = "TrialDesignRequest", description = "A trial design, as sent to create or edit a draft")
public record TrialDesignRequest(
        @NotNull @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) @FreeText(max = 300)
        @Schema(maxLength = 300, examples = "Early intensive contact for young dagpenge recipients") String title,
        @NotNull TrialType type,
        @NotNull @Schema(description = "The benefit group the trial is for", examples = "DAGPENGE") BenefitType targetGroup,
        @NotNull @Size(min = 1, message = "must not be empty") @Size(max = MOST_ARMS)
        @Schema(description = "An RCT has two or more arms (at most " + MOST_ARMS + "), exactly one the control; other "
                + "types one intervention arm")
        List<@NotNull @Valid ArmRequest> arms,
        @NotNull @Valid RandomisationRequest randomisation,
        @NotNull @Valid EligibilityRequest eligibility,
        @NotNull @Size(min = 1, message = "must not be empty") @Size(max = LONGEST_LIST)
        @Schema(description = "Municipality codes of the jobcentres the trial runs in; see GET /api/v1/jobcentres")
        List<@NotNull String> jobcentres,
        @NotNull @Valid PrimaryOutcomeRequest primaryOutcome,
        @NotNull @Positive @Max(MOST_PARTICIPANTS) @Schema(examples = "2000") Integer plannedParticipants,
        @NotNull @Valid EnrolmentPeriodRequest enrolmentPeriod,
        @Valid @Schema(description = "What the trial is powered for; only a randomised design has power assumptions",
                nullable = true) PowerAssumptionsRequest power,
        @Valid @Schema(description = "How the trial is monitored (randomised designs only). Left out, or in part, the "
                + "defaults are filled in and stored: looks at 0.5, 0.75 and 1 of the information, rpact's asOF spending, "
                + "no futility, a 14-day reporting lag, looks at 06:00 Europe/Copenhagen. The planned events and "
                + "participants follow the plan", nullable = true) MonitoringPlanRequest monitoringPlan) {

    /** Text of a time of day, hours and minutes; the seconds of a look time would suggest a precision no look has. */
    static final String TIME_OF_DAY = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String TIME_OF_DAY_MESSAGE = "must be a time of day HH:mm, such as 06:00";

    /** The design as the services read it; called once bean validation has accepted the request. */
    Design toDesign() {
        return new Design(title, type, targetGroup.name(), arms.stream().map(ArmRequest::toArm).toList(),
                randomisation.toRandomisation(), eligibility.toEligibility(), List.copyOf(jobcentres),
                primaryOutcome.toPrimaryOutcome(), plannedParticipants, enrolmentPeriod.toEnrolmentPeriod(),
                power == null ? null : power.toAssumptions(), monitoringPlan == null ? null : monitoringPlan.toPlan());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    @Schema(name = "ArmRequest", description = "One arm of a trial")
    public record ArmRequest(
            @NotNull @Pattern(regexp = ARM_CODE, message = ARM_CODE_MESSAGE)
            @Schema(description = "The arm's code in allocations", examples = "treatment") String code,
            @NotNull @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) @FreeText
            @Schema(maxLength = 500, examples = "Intensive contact") String name,
            @NotNull @Positive @Max(LARGEST_WEIGHT) @Schema(description = "Relative share of allocations, 1 to "
                    + LARGEST_WEIGHT, examples = "1") Integer allocationWeight,
            @Schema(description = "Whether this is the control arm; false when left out") boolean control) {

        Design.Arm toArm() {
            return new Design.Arm(code, name, allocationWeight, control);
        }
    }

    @Schema(name = "RandomisationRequest", description = "How participants are allocated to the arms")
    public record RandomisationRequest(
            @NotNull RandomisationMethod method,
            @Size(max = LONGEST_LIST) @Schema(description = "PERMUTED_BLOCK only: block sizes, each a multiple of the arms' "
                    + "total allocation weight and at most " + LARGEST_BLOCK + ". Stratified by jobcentre, fewer than two "
                    + "sizes or a block smaller than twice the total weight is warned of (warnings)", nullable = true)
            List<@NotNull @Positive @Max(LARGEST_BLOCK) Integer> blockSizes,
            @Size(max = LONGEST_LIST)
            @Schema(description = "The factors allocation is stratified by; not with MINIMISATION", nullable = true)
            List<@NotNull StratificationFactor> stratifyBy,
            @Size(max = LONGEST_LIST) @Schema(description = "Lower bounds of the age bands, increasing, each from 0 to "
                    + OLDEST_AGE + "; needed when ageBand is a factor", nullable = true)
            List<@NotNull @Min(0) @Max(OLDEST_AGE) Integer> ageBands,
            @Size(max = LONGEST_LIST) @Schema(description = "MINIMISATION only: the factors to balance on", nullable = true)
            List<@NotNull StratificationFactor> minimisationFactors,
            @Schema(description = "MINIMISATION only: probability of taking the arm that minimises imbalance, above 0.5 "
                    + "and at most 1; 0.8 when left out", nullable = true) Double minimisationProbability) {

        Design.Randomisation toRandomisation() {
            return new Design.Randomisation(method, copy(blockSizes), copy(stratifyBy), copy(ageBands),
                    copy(minimisationFactors), minimisationProbability);
        }
    }

    @Schema(name = "EligibilityRequest", description = "Who may be enrolled; a bound left out means no bound")
    public record EligibilityRequest(
            @Size(max = LONGEST_LIST) @Schema(nullable = true) List<@NotNull BenefitType> benefitTypes,
            @Min(0) @Max(OLDEST_AGE) @Schema(nullable = true, examples = "18") Integer minAge,
            @Min(0) @Max(OLDEST_AGE) @Schema(nullable = true, examples = "29") Integer maxAge,
            @Min(0) @Max(LONGEST_UNEMPLOYMENT_WEEKS) @Schema(nullable = true, examples = "52") Integer maxWeeksUnemployed) {

        Design.Eligibility toEligibility() {
            return new Design.Eligibility(benefitTypes == null ? null : benefitTypes.stream().map(BenefitType::name).toList(),
                    minAge, maxAge, maxWeeksUnemployed);
        }
    }

    @Schema(name = "PrimaryOutcomeRequest", description = "The outcome the trial is powered for and analysed on")
    public record PrimaryOutcomeRequest(
            @NotNull PrimaryOutcomeType type,
            @NotNull @Positive @Max(520) @Schema(description = "Follow-up after enrolment, in weeks", examples = "26")
            Integer horizonWeeks) {

        Design.PrimaryOutcome toPrimaryOutcome() {
            return new Design.PrimaryOutcome(type, horizonWeeks);
        }
    }

    @Schema(name = "EnrolmentPeriodRequest", description = "The days on which participants may be enrolled, both included")
    public record EnrolmentPeriodRequest(@NotNull LocalDate start, @NotNull LocalDate end) {

        Design.EnrolmentPeriod toEnrolmentPeriod() {
            return new Design.EnrolmentPeriod(start, end);
        }
    }

    @Schema(name = "PowerAssumptionsRequest", description = "What a trial is powered for. baselineIncidence, "
            + "minimumDetectableDifference, alpha and power are needed for a calculation; hazardRatio is optional")
    public record PowerAssumptionsRequest(
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(description = "Cumulative job exit in the control arm at the horizon", examples = "0.3", nullable = true)
            Double baselineIncidence,
            @DecimalMin(value = "-1", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(description = "Smallest difference in cumulative job exit worth detecting", examples = "0.05", nullable = true)
            Double minimumDetectableDifference,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "0.5")
            @Schema(description = "Two-sided", examples = "0.05", nullable = true) Double alpha,
            @DecimalMin(value = "0.5") @DecimalMax(value = "1", inclusive = false)
            @Schema(examples = "0.8", nullable = true) Double power,
            @DecimalMin(PowerAssumptionRules.SMALLEST_HAZARD_RATIO) @DecimalMax(PowerAssumptionRules.LARGEST_HAZARD_RATIO)
            @Schema(description = "Hazard ratio for the events; derived under proportional hazards when left out",
                    examples = "1.2", nullable = true) Double hazardRatio) {

        Design.PowerAssumptions toAssumptions() {
            return new Design.PowerAssumptions(baselineIncidence, minimumDetectableDifference, alpha, power, hazardRatio);
        }
    }

    @Schema(name = "MonitoringPlanRequest", description = "The formal looks of a trial and the error spending at them; "
            + "each part left out takes its default")
    public record MonitoringPlanRequest(
            @Schema(description = "Information fractions of the planned formal looks: 1 to 10, strictly increasing "
                    + "within (0, 1], the last exactly 1; [0.5, 0.75, 1] when left out", nullable = true)
            @Size(max = LONGEST_LIST) List<@NotNull Double> informationFractions,
            @Valid @Schema(description = "The alpha-spending family; rpact's asOF when left out", nullable = true)
            SpendingPlanRequest spending,
            @Valid @Schema(description = "Advisory, non-binding futility; none when left out", nullable = true)
            FutilityPlanRequest futility,
            @Min(0) @Max(365) @Schema(description = "Days outcomes take to be reported: a look's default data cut is "
                    + "today minus this; 14 when left out", examples = "14", nullable = true) Integer reportingLagDays,
            @Pattern(regexp = TIME_OF_DAY, message = TIME_OF_DAY_MESSAGE)
            @Schema(description = "Europe/Copenhagen time of day, HH:mm, at which scheduled looks are taken; 06:00 when "
                    + "left out", examples = "06:00", pattern = TIME_OF_DAY, nullable = true) String lookTime) {

        Design.MonitoringPlan toPlan() {
            return new Design.MonitoringPlan(copy(informationFractions), spending == null ? null : spending.toSpending(),
                    futility == null ? null : futility.toFutility(), reportingLagDays,
                    lookTime == null ? null : LocalTime.parse(lookTime));
        }
    }

    @Schema(name = "SpendingPlanRequest", description = "An alpha-spending family by its rpact name, two-sided as rpact "
            + "computes it (α/2 a side); LanDeMetsClassic is the original two-sided 2 − 2Φ(z_{α/2}/√t). γ is required "
            + "for asKD (0.4 to 8, as rpact) and asHSD (−10 to 5, as rpact, at least 0.001 away from 0) and refused for "
            + "the others")
    public record SpendingPlanRequest(
            @NotNull @Schema(enumeration = {SpendingPlan.OBRIEN_FLEMING, SpendingPlan.POCOCK, SpendingPlan.KIM_DEMETS,
                    SpendingPlan.HWANG_SHIH_DECANI, SpendingPlan.LAN_DEMETS_CLASSIC}, examples = "asOF") String family,
            @Schema(description = "γ of asKD or asHSD", examples = "2", nullable = true) Double gamma) {

        Design.Spending toSpending() {
            return new Design.Spending(family, gamma);
        }
    }

    @Schema(name = "FutilityPlanRequest", description = "Advisory, non-binding futility: it flags, it never decides. "
            + "BETA_SPENDING needs two or more looks, a betaSpending family (γ as for spending: bsKD, bsHSD) and power "
            + "assumptions (beta = 1 − power); CONDITIONAL_POWER needs conditionalPowerBelow")
    public record FutilityPlanRequest(
            @NotNull FutilityMethod method,
            @Schema(description = "BETA_SPENDING only: rpact typeBetaSpending family, one of bsOF, bsP, bsKD, bsHSD",
                    examples = "bsOF", nullable = true) String betaSpending,
            @Schema(description = "BETA_SPENDING with bsKD or bsHSD only: γ", nullable = true) Double gamma,
            @Schema(description = "CONDITIONAL_POWER only: futility is flagged when the conditional power under the "
                    + "current trend falls below this, strictly between 0 and 1", examples = "0.1", nullable = true)
            Double conditionalPowerBelow) {

        Design.Futility toFutility() {
            return new Design.Futility(method, betaSpending, gamma, conditionalPowerBelow);
        }
    }
}
