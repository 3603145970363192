package dk.trials.enrolment.service.allocation;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinimisationAllocatorTest {

    /** Three factors with 4, 3 and 2 levels, participants arriving at random, as in a multi-centre trial. */
    private static List<String> randomLevels(Random random) {
        return List.of("jobcentre=" + random.nextInt(4), "ageBand=" + random.nextInt(3), "gender=" + random.nextInt(2));
    }

    /** Sum over all factor levels of the range of weighted counts across arms. */
    private static double marginalImbalance(Map<String, int[]> counts, int[] weights) {
        double total = 0;
        for (int[] n : counts.values()) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int a = 0; a < n.length; a++) {
                max = Math.max(max, (double) n[a] / weights[a]);
                min = Math.min(min, (double) n[a] / weights[a]);
            }
            total += max - min;
        }
        return total;
    }

    private static <S extends AllocationState> double simulate(Allocator<S> allocator, WeightedArms arms, int[] weights, long seed) {
        Random arrivals = new Random(seed);
        Draws draws = new SeededDraws(seed * 31 + 7);
        S state = allocator.initialState();
        Map<String, int[]> counts = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            List<String> levels = randomLevels(arrivals);
            Allocation<S> allocation = allocator.allocate(state, levels, draws);
            state = allocation.after();
            for (String level : levels) {
                counts.computeIfAbsent(level, l -> new int[arms.size()])[arms.indexOf(allocation.arm())]++;
            }
        }
        return marginalImbalance(counts, weights);
    }

    @Test
    void minimisationKeepsMarginalImbalanceWellBelowSimpleRandomisation() {
        for (int[] weights : List.of(new int[]{1, 1}, new int[]{2, 1}, new int[]{1, 1, 1})) {
            WeightedArms arms = Designs.arms(weights);
            double minimised = 0;
            double simple = 0;
            for (long seed = 1; seed <= 50; seed++) {
                minimised += simulate(new MinimisationAllocator(arms, 0.8), arms, weights, seed);
                simple += simulate(new SimpleAllocator(arms), arms, weights, seed);
            }
            assertTrue(minimised < simple / 4, "weights " + java.util.Arrays.toString(weights)
                    + ": mean imbalance minimised " + minimised / 50 + " vs simple " + simple / 50);
        }
    }

    @Test
    void withProbabilityOneTheMinimisingArmIsAlwaysChosen() {
        WeightedArms arms = Designs.arms(1, 1);
        MinimisationAllocator allocator = new MinimisationAllocator(arms, 1.0);
        var state = new MinimisationAllocator.MarginalCounts(Map.of(
                "jobcentre=101", Map.of("arm0", 5, "arm1", 3),
                "gender=F", Map.of("arm0", 2, "arm1", 2)));
        for (long seed = 0; seed < 50; seed++) {
            assertEquals("arm1", allocator.allocate(state, List.of("jobcentre=101", "gender=F"), new SeededDraws(seed)).arm());
        }
    }

    @Test
    void theImbalanceComparesCountsDividedByWeight() {
        MinimisationAllocator allocator = new MinimisationAllocator(Designs.arms(2, 1), 0.8);
        var state = new MinimisationAllocator.MarginalCounts(Map.of("all", Map.of("arm0", 4, "arm1", 2)));
        // 4/2 = 2/1 is balanced: adding to arm0 gives 5/2 vs 2 (range 0.5 → 1 in lcm units), to arm1 gives 2 vs 3 (range 1 → 2).
        assertEquals(1, allocator.imbalanceIfAssigned(state, List.of("all"), 0));
        assertEquals(2, allocator.imbalanceIfAssigned(state, List.of("all"), 1));
    }

    @Test
    void theMinimisingArmIsChosenWithProbabilityP() {
        WeightedArms arms = Designs.arms(1, 1);
        MinimisationAllocator allocator = new MinimisationAllocator(arms, 0.8);
        var state = new MinimisationAllocator.MarginalCounts(Map.of("all", Map.of("arm0", 3, "arm1", 1)));
        Draws draws = new SeededDraws(7);
        int minimising = 0;
        for (int i = 0; i < 10_000; i++) {
            if (allocator.allocate(state, List.of("all"), draws).arm().equals("arm1")) {
                minimising++;
            }
        }
        assertEquals(0.8, minimising / 10_000.0, 0.02);
    }
}
