package dk.trials.enrolment.service.allocation;

import dk.trials.events.trial.ArmDesign;

import java.util.List;

/** The arms of a design with their allocation weights, in design order; chooses among them in proportion to weight. */
public final class WeightedArms {

    private final List<String> codes;
    private final int[] weights;
    private final int totalWeight;

    public WeightedArms(List<ArmDesign> arms) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one arm");
        }
        this.codes = arms.stream().map(ArmDesign::code).toList();
        this.weights = arms.stream().mapToInt(a -> Math.max(1, a.allocationWeight())).toArray();
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        this.totalWeight = total;
    }

    public int size() {
        return codes.size();
    }

    public String code(int index) {
        return codes.get(index);
    }

    public List<String> codes() {
        return codes;
    }

    public int weight(int index) {
        return weights[index];
    }

    public int totalWeight() {
        return totalWeight;
    }

    public int indexOf(String code) {
        return codes.indexOf(code);
    }

    /** One of the arms at {@code candidates}, each with probability proportional to its weight. */
    public int choose(List<Integer> candidates, Draws draws) {
        int total = 0;
        for (int c : candidates) {
            total += weights[c];
        }
        int ticket = draws.below(total);
        for (int c : candidates) {
            ticket -= weights[c];
            if (ticket < 0) {
                return c;
            }
        }
        throw new IllegalStateException("unreachable: ticket beyond the total weight");
    }

    /** All arm indexes 0..size-1. */
    public List<Integer> all() {
        return java.util.stream.IntStream.range(0, codes.size()).boxed().toList();
    }
}
