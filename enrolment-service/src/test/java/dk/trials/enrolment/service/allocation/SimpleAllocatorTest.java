package dk.trials.enrolment.service.allocation;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleAllocatorTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void tenThousandAllocationsWithWeightsTwoToOneDoNotRejectTheRatio(long seed) {
        WeightedArms arms = Designs.arms(2, 1);
        SimpleAllocator allocator = new SimpleAllocator(arms);
        Draws draws = new SeededDraws(seed);
        long[] observed = new long[2];
        for (int i = 0; i < 10_000; i++) {
            observed[arms.indexOf(allocator.allocate(allocator.initialState(), List.of("all"), draws).arm())]++;
        }
        double p = new ChiSquareTest().chiSquareTest(new double[]{2, 1}, observed);
        assertTrue(p > 0.001, "chi-square rejects 2:1 for " + observed[0] + ":" + observed[1] + " (p = " + p + ")");
    }
}
