package dk.trials.trial.service.power;

import dk.trials.trial.Design.Arm;
import dk.trials.trial.Design.PowerAssumptions;
import dk.trials.trial.SampleSize;
import dk.trials.trial.SampleSize.ArmSampleSize;
import dk.trials.trial.SampleSize.ComparisonSampleSize;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Participants per arm and events for a design's primary outcome.
 * <p>
 * Each non-control arm is compared with the control arm at its allocation ratio r = w_arm / w_control. A comparison
 * needs n_arm participants in the arm and n_arm / r in the control, that is n_arm / w_arm participants per unit of
 * weight in both. Because enrolment follows the weights, every arm gets the largest per-unit need of any comparison
 * times its own weight, rounded up to whole participants: {@code ceil(w_i · max_k(n_k / w_k))}. With two arms this
 * is R's {@code ceiling(n1)} and {@code ceiling(n2)}; with more, the binding comparison decides and the others
 * have at least the power asked for. The trial's planned events are the most demanding comparison's, rounded up.
 */
@ApplicationScoped
public class SampleSizeCalculator {

    /** Requires assumptions that {@link PowerAssumptionRules} accepts and arms with exactly one control. */
    public SampleSize plan(PowerAssumptions assumptions, List<Arm> arms) {
        Arm control = arms.stream().filter(Arm::control).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("A power calculation needs a control arm"));
        double pControl = assumptions.baselineIncidence();
        double pTreatment = pControl + assumptions.minimumDetectableDifference();
        double alpha = assumptions.alpha();
        double power = assumptions.power();
        boolean derived = assumptions.hazardRatio() == null;
        double hazardRatio = derived ? PowerFormulas.proportionalHazardRatio(pControl, pTreatment) : assumptions.hazardRatio();

        List<ComparisonSampleSize> comparisons = new ArrayList<>();
        double perUnitOfWeight = 0;
        int events = 0;
        for (Arm arm : arms) {
            if (arm.control()) {
                continue;
            }
            double ratio = (double) arm.allocationWeight() / control.allocationWeight();
            double armParticipants = PowerFormulas.treatmentParticipants(pControl, pTreatment, alpha, power, ratio);
            double controlParticipants = armParticipants / ratio;
            double eventsExact = PowerFormulas.events(hazardRatio, alpha, power, ratio);
            comparisons.add(new ComparisonSampleSize(arm.code(), control.code(), ratio, armParticipants,
                    controlParticipants, eventsExact, wholeUp(eventsExact)));
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
                participants, List.copyOf(comparisons), events);
    }

    private static int wholeUp(double value) {
        return Math.toIntExact((long) Math.ceil(value));
    }
}
