package dk.trials.enrolment.service.allocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property tests over many seeded random designs (arms, weights, block sizes, strata and arrival orders). Seeded
 * JUnit parameters rather than jqwik: a failing seed is printed in the test name and can be re-run.
 */
class PermutedBlockAllocatorTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noArmLeadsAnotherByMoreThanTheLargestBlockAllowsAtAnyPrefixOfAnyStratum(long seed) {
        Random design = new Random(seed);
        int[] weights = design.ints(2 + design.nextInt(3), 1, 4).toArray();
        WeightedArms arms = Designs.arms(weights);
        List<Integer> sizes = design.ints(1 + design.nextInt(3), 1, 5).map(m -> m * arms.totalWeight()).boxed().toList();
        PermutedBlockAllocator allocator = new PermutedBlockAllocator(arms, sizes);
        Draws draws = new SeededDraws(seed);

        Map<Integer, PermutedBlockAllocator.BlockState> states = new HashMap<>();
        Map<Integer, int[]> counts = new HashMap<>();
        int participants = 50 + design.nextInt(400);
        for (int i = 0; i < participants; i++) {
            int stratum = design.nextInt(5);
            var allocation = allocator.allocate(states.getOrDefault(stratum, allocator.initialState()), List.of("s=" + stratum), draws);
            states.put(stratum, allocation.after());
            int[] n = counts.computeIfAbsent(stratum, s -> new int[arms.size()]);
            n[arms.indexOf(allocation.arm())]++;
            assertBalanced(n, arms, allocator.largestBlock());
        }
    }

    /** |n_a/w_a − n_b/w_b| ≤ largest block / total weight; in integers |n_a·w_b − n_b·w_a| ≤ (B/W)·w_a·w_b. */
    static void assertBalanced(int[] n, WeightedArms arms, int largestBlock) {
        int copies = largestBlock / arms.totalWeight();
        for (int a = 0; a < n.length; a++) {
            for (int b = 0; b < n.length; b++) {
                long lead = (long) n[a] * arms.weight(b) - (long) n[b] * arms.weight(a);
                assertTrue(lead <= (long) copies * arms.weight(a) * arms.weight(b),
                        "weighted counts " + Arrays.toString(n) + " lead by more than a block of " + largestBlock + " allows");
            }
        }
    }

    @Test
    void everyCompletedBlockHoldsTheArmsInProportionToTheirWeightsAndSizesAreDrawnFromTheDesign() {
        WeightedArms arms = Designs.arms(2, 1);
        PermutedBlockAllocator allocator = new PermutedBlockAllocator(arms, List.of(3, 6));
        Draws draws = new SeededDraws(42);
        var state = allocator.initialState();
        Set<Integer> sizesSeen = new HashSet<>();
        List<String> block = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            var allocation = allocator.allocate(state, List.of("all"), draws);
            state = allocation.after();
            block.add(allocation.arm());
            if (state.position() == state.block().size()) {
                sizesSeen.add(block.size());
                int copies = block.size() / 3;
                assertEquals(2 * copies, block.stream().filter("arm0"::equals).count());
                assertEquals(copies, block.stream().filter("arm1"::equals).count());
                block.clear();
            }
        }
        assertEquals(Set.of(3, 6), sizesSeen);
    }

    @Test
    void blockSizesThatAreNotWholeMultiplesOfTheTotalWeightAreRefused() {
        WeightedArms twoToOne = Designs.arms(2, 1);
        for (List<Integer> sizes : List.of(List.of(3, 4), List.of(0), List.<Integer>of())) {
            assertThrows(IllegalArgumentException.class, () -> new PermutedBlockAllocator(twoToOne, sizes), sizes::toString);
        }
        assertEquals(6, new PermutedBlockAllocator(twoToOne, List.of(3, 6)).largestBlock());
    }
}
