package dk.trials.enrolment.service.allocation;

import dk.trials.events.trial.ArmDesign;

import java.util.ArrayList;
import java.util.List;

/** Arms with given weights, for the allocator tests. */
final class Designs {

    private Designs() {
    }

    static WeightedArms arms(int... weights) {
        List<ArmDesign> arms = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            arms.add(new ArmDesign("arm" + i, "Arm " + i, weights[i], i == 0));
        }
        return new WeightedArms(arms);
    }
}
