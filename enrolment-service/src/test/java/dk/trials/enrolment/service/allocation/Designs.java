package dk.trials.enrolment.service.allocation;

import dk.trials.enrolment.TrialDocument;

import java.util.ArrayList;
import java.util.List;

/** Arms with given weights, for the allocator tests. */
final class Designs {

    private Designs() {
    }

    static WeightedArms arms(int... weights) {
        List<TrialDocument.Arm> arms = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            arms.add(new TrialDocument.Arm("arm" + i, weights[i]));
        }
        return new WeightedArms(arms);
    }
}
