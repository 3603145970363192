package dk.trials.trial.service.power;

import dk.trials.events.trial.FutilityPlan.FutilityMethod;
import dk.trials.sequential.FixedDesignSize;
import dk.trials.sequential.SequentialDesign;
import dk.trials.sequential.SequentialSampleSize;
import dk.trials.trial.Design.Arm;
import dk.trials.trial.Design.Futility;
import dk.trials.trial.Design.MonitoringPlan;
import dk.trials.trial.Design.PowerAssumptions;
import dk.trials.trial.Design.Spending;
import dk.trials.trial.SampleSize;
import dk.trials.trial.SampleSize.ArmSampleSize;
import dk.trials.trial.SampleSize.ComparisonSampleSize;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Participants per arm and events for a design's primary outcome, under its monitoring plan.
 * <p>
 * With J arms other than the control, each is compared with the control at the two-sided level α/J (Bonferroni for
 * the size; the monitoring's Dunnett-type boundaries are less strict, so each comparison keeps at least the power
 * asked for), and needs rpact's group-sequential size for the plan's design at that level: the single-analysis size
 * times the inflation factor of its spending family, information fractions and, with beta-spending futility, the
 * power bought back for futility stops ({@link SequentialSampleSize#inflationFactor}; the sizes equal rpact
 * {@code getSampleSizeRates} and {@code getSampleSizeSurvival} for that design). Conditional-power futility is
 * advisory and costs no information.
 * <p>
 * A comparison at allocation ratio r = w_arm / w_control needs n_arm participants in the arm and n_arm / r in the
 * control, that is n_arm / w_arm per unit of weight in both. Because enrolment follows the weights, every arm gets
 * the largest per-unit need of any comparison times its own weight, rounded up: {@code ceil(w_i · max_k(n_k / w_k))}.
 * With two arms this is R's {@code ceiling(n1)} and {@code ceiling(n2)}; with more, the binding comparison decides
 * and the others have at least the power asked for. The trial's planned events are the most demanding comparison's.
 */
@ApplicationScoped
public class SampleSizeCalculator {

    /** Inflation factors already solved for; a plan with many looks and futility takes a second to solve. */
    private static final int REMEMBERED = 256;

    private final Map<InflationKey, Double> inflation = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<InflationKey, Double> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /**
     * Requires assumptions that {@link PowerAssumptionRules} accepts, arms with exactly one control and a plan, its
     * defaults filled in, that {@code MonitoringPlanRules} accepts.
     */
    public SampleSize plan(PowerAssumptions assumptions, List<Arm> arms, MonitoringPlan plan) {
        Arm control = arms.stream().filter(Arm::control).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("A power calculation needs a control arm"));
        double pControl = assumptions.baselineIncidence();
        double pTreatment = pControl + assumptions.minimumDetectableDifference();
        double alpha = assumptions.alpha();
        double power = assumptions.power();
        boolean derived = assumptions.hazardRatio() == null;
        double hazardRatio = derived ? FixedDesignSize.proportionalHazardRatio(pControl, pTreatment) : assumptions.hazardRatio();
        double level = alpha / (arms.size() - 1);
        // The same for every comparison: one level, one plan. rpact's sizes for a design are the fixed-design ones
        // times it (SequentialSampleSize), which this takes apart only to solve the factor once.
        double factor = inflation.computeIfAbsent(new InflationKey(plan.informationFractions(), plan.spending(),
                plan.futility() != null && plan.futility().method() == FutilityMethod.BETA_SPENDING ? plan.futility() : null,
                level, power), key -> SequentialSampleSize.inflationFactor(design(plan), level, power));

        List<ComparisonSampleSize> perComparison = new ArrayList<>();
        double perUnitOfWeight = 0;
        int events = 0;
        for (Arm arm : arms) {
            if (arm.control()) {
                continue;
            }
            double ratio = (double) arm.allocationWeight() / control.allocationWeight();
            double armParticipants = FixedDesignSize.treatmentParticipants(pControl, pTreatment, level, power, ratio) * factor;
            double controlParticipants = armParticipants / ratio;
            double eventsExact = FixedDesignSize.events(hazardRatio, level, power, ratio) * factor;
            perComparison.add(new ComparisonSampleSize(arm.code(), control.code(), ratio, armParticipants,
                    controlParticipants, eventsExact, wholeUp(eventsExact), level, factor));
            perUnitOfWeight = Math.max(perUnitOfWeight, controlParticipants / control.allocationWeight());
            events = Math.max(events, wholeUp(eventsExact));
        }

        List<ArmSampleSize> perArm = new ArrayList<>();
        int participants = 0;
        for (Arm arm : arms) {
            int needed = wholeUp(perUnitOfWeight * arm.allocationWeight());
            perArm.add(new ArmSampleSize(arm.code(), arm.allocationWeight(), arm.control(), needed));
            participants += needed;
        }
        return new SampleSize(pControl, pTreatment, alpha, power, hazardRatio, derived, List.copyOf(perArm),
                participants, List.copyOf(perComparison), events);
    }

    /** The plan as the sequential module sizes it: family and γ, fractions, and beta-spending futility if any. */
    static SequentialDesign design(MonitoringPlan plan) {
        double[] fractions = plan.informationFractions().stream().mapToDouble(Double::doubleValue).toArray();
        SequentialDesign design = SequentialDesign.of(plan.spending().family(), orNaN(plan.spending().gamma()), fractions);
        Futility futility = plan.futility();
        if (futility != null && futility.method() == FutilityMethod.BETA_SPENDING) {
            return design.withFutility(futility.betaSpending(), orNaN(futility.gamma()));
        }
        return design;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static int wholeUp(double value) {
        return Math.toIntExact((long) Math.ceil(value));
    }

    /** What an inflation factor depends on: the looks, the spending, beta-spending futility, the level and the power. */
    private record InflationKey(List<Double> fractions, Spending spending, Futility betaSpending, double level,
                                double power) {
    }
}
