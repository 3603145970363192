package dk.trials.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trials.events.trial.FutilityPlan;
import dk.trials.events.trial.FutilityPlan.FutilityMethod;
import dk.trials.events.trial.PrimaryOutcomeType;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialType;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A trial's design as this service keeps it: what the services validate, freeze and hash, and the document stored in
 * the trial's {@code design} column. The REST request and the published event each have their own type, mapped at
 * their edge.
 * <p>
 * The JSON of this record is the design's canonical form: {@code DesignHasher} hashes it and existing rows are read
 * back through it, so a component is never renamed or removed (add, never rename). A component added later is left
 * out of the JSON while null, so that a design stored before it existed keeps its hash.
 */
public record Design(
        String title,
        TrialType type,
        String targetGroup,
        List<Arm> arms,
        Randomisation randomisation,
        Eligibility eligibility,
        List<String> jobcentres,
        PrimaryOutcome primaryOutcome,
        int plannedParticipants,
        EnrolmentPeriod enrolmentPeriod,
        PowerAssumptions power,
        @JsonInclude(JsonInclude.Include.NON_NULL) MonitoringPlan monitoringPlan) {

    /** The sum of the arms' allocation weights: the smallest block that holds every arm in proportion. */
    public int totalAllocationWeight() {
        return arms.stream().mapToInt(Arm::allocationWeight).sum();
    }

    /** The same design with another randomisation, e.g. with its defaults filled in. */
    public Design withRandomisation(Randomisation newRandomisation) {
        return new Design(title, type, targetGroup, arms, newRandomisation, eligibility, jobcentres, primaryOutcome,
                plannedParticipants, enrolmentPeriod, power, monitoringPlan);
    }

    /** The same design monitored by another plan, e.g. with its defaults filled in or amended. */
    public Design withMonitoringPlan(MonitoringPlan newPlan) {
        return new Design(title, type, targetGroup, arms, randomisation, eligibility, jobcentres, primaryOutcome,
                plannedParticipants, enrolmentPeriod, power, newPlan);
    }

    /** The same design, widened by an amendment: more jobcentres, a later end, more planned participants. */
    public Design widenedTo(List<String> newJobcentres, LocalDate newEnd, int newPlannedParticipants) {
        return new Design(title, type, targetGroup, arms, randomisation, eligibility, newJobcentres, primaryOutcome,
                newPlannedParticipants, new EnrolmentPeriod(enrolmentPeriod.start(), newEnd), power, monitoringPlan);
    }

    /** One arm: its code (used in allocations), a name, its allocation weight and whether it is the control. */
    public record Arm(String code, String name, int allocationWeight, boolean control) {
    }

    /**
     * How participants are allocated. {@code stratifyBy} applies to permuted blocks, {@code minimisationFactors} and
     * {@code minimisationProbability} to minimisation; {@code ageBands} are the lower bounds of the age bands.
     */
    public record Randomisation(RandomisationMethod method, List<Integer> blockSizes, List<StratificationFactor> stratifyBy,
                                List<Integer> ageBands, List<StratificationFactor> minimisationFactors,
                                Double minimisationProbability) {

        /**
         * The block sizes enrolment-service will allocate with, by the events module's one rule
         * ({@link RandomisationDesign#effectiveBlockSizes(int)}); null sizes must be refused before asking.
         */
        public List<Integer> effectiveBlockSizes(int totalWeight) {
            return new RandomisationDesign(method, blockSizes, stratifyBy, ageBands, minimisationFactors,
                    minimisationProbability).effectiveBlockSizes(totalWeight);
        }

        public Randomisation withMinimisationProbability(Double probability) {
            return new Randomisation(method, blockSizes, stratifyBy, ageBands, minimisationFactors, probability);
        }
    }

    /** Who may be enrolled; a null bound means no bound. */
    public record Eligibility(List<String> benefitTypes, Integer minAge, Integer maxAge, Integer maxWeeksUnemployed) {
    }

    /** The outcome the trial is powered for and analysed on, followed up to {@code horizonWeeks} after enrolment. */
    public record PrimaryOutcome(PrimaryOutcomeType type, int horizonWeeks) {
    }

    public record EnrolmentPeriod(LocalDate start, LocalDate end) {
    }

    /**
     * What the trial is powered for: the control arm's cumulative job exit at the horizon, the smallest difference
     * worth detecting, two-sided alpha and power; optionally the hazard ratio for the events calculation. Each may be
     * missing as sent; {@code PowerAssumptionRules} names those a calculation needs.
     */
    public record PowerAssumptions(Double baselineIncidence, Double minimumDetectableDifference, Double alpha, Double power,
                                   Double hazardRatio) {
    }

    /**
     * How the trial is monitored: the information fractions of its formal looks (the last is 1), the alpha-spending
     * family, optional advisory futility, the reporting lag that sets a look's default data cut and the
     * Europe/Copenhagen time of day scheduled looks are taken at. Null only on a design stored before plans existed
     * and on a design that is not randomised; {@code DesignDefaults} fills in what a sent plan leaves out.
     */
    public record MonitoringPlan(List<Double> informationFractions, Spending spending, Futility futility,
                                 Integer reportingLagDays, LocalTime lookTime) {

        /** The plan of a design that names none (the events module's defaults): ½, ¾ and 1, asOF, no futility. */
        public static MonitoringPlan defaults() {
            return of(dk.trials.events.trial.MonitoringPlan.defaults());
        }

        /** The classic plan a trial opened before plans existed is monitored by (the events module's legacy plan). */
        public static MonitoringPlan legacy() {
            return of(dk.trials.events.trial.MonitoringPlan.legacy());
        }

        private static MonitoringPlan of(dk.trials.events.trial.MonitoringPlan p) {
            FutilityPlan f = p.futility();
            return new MonitoringPlan(p.informationFractions(), new Spending(p.spending().family(), p.spending().gamma()),
                    f == null ? null : new Futility(f.method(), f.betaSpending(), f.gamma(), f.conditionalPowerBelow()),
                    p.reportingLagDays(), p.lookTime());
        }

        /** This plan with what it leaves out taken from {@link #defaults()}; futility stays none when absent. */
        public MonitoringPlan withDefaults() {
            MonitoringPlan d = defaults();
            return new MonitoringPlan(informationFractions == null ? d.informationFractions : informationFractions,
                    spending == null ? d.spending : spending, futility,
                    reportingLagDays == null ? d.reportingLagDays : reportingLagDays,
                    lookTime == null ? d.lookTime : lookTime);
        }

        public MonitoringPlan withInformationFractions(List<Double> fractions) {
            return new MonitoringPlan(fractions, spending, futility, reportingLagDays, lookTime);
        }

        public MonitoringPlan withReportingLagDays(Integer days) {
            return new MonitoringPlan(informationFractions, spending, futility, days, lookTime);
        }

        public MonitoringPlan withLookTime(LocalTime time) {
            return new MonitoringPlan(informationFractions, spending, futility, reportingLagDays, time);
        }
    }

    /** The alpha-spending family by its rpact name (or LanDeMetsClassic), and γ where the family takes one. */
    public record Spending(String family, Double gamma) {
    }

    /**
     * Advisory futility: by beta spending (rpact {@code typeBetaSpending} name, with γ where it takes one) or when
     * the conditional power falls below {@code conditionalPowerBelow}.
     */
    public record Futility(FutilityMethod method, String betaSpending, Double gamma, Double conditionalPowerBelow) {
    }
}
