package dk.trials.enrolment.service.allocation;

import dk.trials.events.trial.RandomisationMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pocock–Simon minimisation over the participant's factor levels. For each arm the allocator imagines the participant
 * there and sums, over the participant's levels, the range of the weighted counts (count / allocation weight) across
 * the arms; the arms with the smallest sum are the minimisers, one of them is preferred (ties broken at random, in
 * proportion to weight) and assigned with probability {@code p}, otherwise one of the other arms (in proportion to
 * weight). When every arm gives the same imbalance the choice is simply weighted random. Counts are compared as exact
 * integers (count × lcm(weights) / weight), so ties are real ties.
 */
public final class MinimisationAllocator implements Allocator<MinimisationAllocator.MarginalCounts> {

    /** The trial's allocations so far, by factor level (such as {@code ageBand=18-24}) and arm. */
    public record MarginalCounts(Map<String, Map<String, Integer>> counts) implements AllocationState {

        int count(String level, String arm) {
            Map<String, Integer> byArm = counts.get(level);
            return byArm == null ? 0 : byArm.getOrDefault(arm, 0);
        }
    }

    /** Key of the single allocation sequence of a minimised trial: marginal counts span every stratum. */
    public static final String TRIAL_WIDE = "*";

    private final WeightedArms arms;
    private final double probability;
    private final long[] scale;

    /**
     * {@code probability} is the design's effective one
     * ({@link dk.trials.events.trial.RandomisationDesign#effectiveMinimisationProbability}).
     */
    public MinimisationAllocator(WeightedArms arms, double probability) {
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("minimisation probability must be in (0, 1]");
        }
        this.arms = arms;
        this.probability = probability;
        long lcm = 1;
        for (int a = 0; a < arms.size(); a++) {
            lcm = lcm(lcm, arms.weight(a));
        }
        this.scale = new long[arms.size()];
        for (int a = 0; a < arms.size(); a++) {
            scale[a] = lcm / arms.weight(a);
        }
    }

    @Override
    public RandomisationMethod method() {
        return RandomisationMethod.MINIMISATION;
    }

    @Override
    public Class<MarginalCounts> stateType() {
        return MarginalCounts.class;
    }

    @Override
    public MarginalCounts initialState() {
        return new MarginalCounts(Map.of());
    }

    @Override
    public Optional<String> lockKey(String stratum) {
        return Optional.of(TRIAL_WIDE);
    }

    @Override
    public Allocation<MarginalCounts> allocate(MarginalCounts before, List<String> levels, Draws draws) {
        long[] imbalance = new long[arms.size()];
        for (int candidate = 0; candidate < arms.size(); candidate++) {
            imbalance[candidate] = imbalanceIfAssigned(before, levels, candidate);
        }
        long least = Long.MAX_VALUE;
        for (long value : imbalance) {
            least = Math.min(least, value);
        }
        List<Integer> minimisers = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            (imbalance[a] == least ? minimisers : others).add(a);
        }
        int chosen;
        if (others.isEmpty()) {
            chosen = arms.choose(minimisers, draws);
        } else {
            int preferred = arms.choose(minimisers, draws);
            if (draws.uniform() < probability) {
                chosen = preferred;
            } else {
                List<Integer> rest = new ArrayList<>(arms.all());
                rest.remove(Integer.valueOf(preferred));
                chosen = arms.choose(rest, draws);
            }
        }
        return new Allocation<>(arms.code(chosen), after(before, levels, arms.code(chosen)));
    }

    /** Σ over the levels of the range of weighted counts across arms, had the participant gone to {@code candidate}. */
    long imbalanceIfAssigned(MarginalCounts counts, List<String> levels, int candidate) {
        long total = 0;
        for (String level : levels) {
            long max = Long.MIN_VALUE;
            long min = Long.MAX_VALUE;
            for (int a = 0; a < arms.size(); a++) {
                long weighted = (counts.count(level, arms.code(a)) + (a == candidate ? 1L : 0L)) * scale[a];
                max = Math.max(max, weighted);
                min = Math.min(min, weighted);
            }
            total += max - min;
        }
        return total;
    }

    @Override
    public MarginalCounts relevantTo(MarginalCounts state, List<String> levels) {
        Map<String, Map<String, Integer>> slice = new TreeMap<>();
        for (String level : levels) {
            Map<String, Integer> byArm = new TreeMap<>();
            for (String arm : arms.codes()) {
                byArm.put(arm, state.count(level, arm));
            }
            slice.put(level, byArm);
        }
        return new MarginalCounts(slice);
    }

    private static MarginalCounts after(MarginalCounts before, List<String> levels, String arm) {
        Map<String, Map<String, Integer>> counts = new HashMap<>(before.counts());
        for (String level : levels) {
            Map<String, Integer> byArm = new TreeMap<>(counts.getOrDefault(level, Map.of()));
            byArm.merge(arm, 1, Integer::sum);
            counts.put(level, byArm);
        }
        return new MarginalCounts(new TreeMap<>(counts));
    }

    private static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
