package dk.trials.enrolment.service.allocation;

import dk.trials.enrolment.TrialDocument;

import java.util.List;
import java.util.stream.IntStream;

/** The arms of a design with their allocation weights, in design order; chooses among them in proportion to weight. */
public final class WeightedArms {

    private final List<String> codes;
    private final int[] weights;
    private final int totalWeight;

    public WeightedArms(List<TrialDocument.Arm> arms) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one arm");
        }
        if (arms.stream().anyMatch(a -> a.allocationWeight() < 1)) {
            throw new IllegalArgumentException("every arm needs an allocation weight of at least 1");
        }
        this.codes = arms.stream().map(TrialDocument.Arm::code).toList();
        this.weights = arms.stream().mapToInt(TrialDocument.Arm::allocationWeight).toArray();
        this.totalWeight = IntStream.of(weights).sum();
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
        return IntStream.range(0, codes.size()).boxed().toList();
    }
}
