package dk.trials.outcome.service;

import dk.trials.sequential.BetaSpendingFutility;
import dk.trials.sequential.DunnettBoundaries;
import dk.trials.sequential.FutilityBounds;
import dk.trials.sequential.LookSchedule;
import dk.trials.sequential.SequentialBoundaries;
import dk.trials.sequential.Spending;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers the boundaries and futility bounds already computed, because a Dunnett-type boundary costs milliseconds
 * to a second and the same schedule comes back at every refresh of the estimates and in every simulated trial.
 * A boundary depends only on the looks' rates, the cumulative alpha they may spend and the allocation weights, so
 * those are the key (a schedule's status does not change its critical values). Least recently used entries go
 * first beyond {@link #CAPACITY}; computation happens outside the lock, so two callers may compute the same entry
 * once each, never a different one.
 */
final class SequentialBoundaryCache {

    static final int CAPACITY = 20_000;

    private record BoundaryKey(List<Double> rates, List<Double> cumulativeAlpha, double controlWeight,
                               List<Double> armWeights) {
    }

    private record FutilityKey(List<Double> rates, List<Double> criticalValues, Spending betaSpending, double beta) {
    }

    /** Critical values and how they control the family-wise error. */
    record Boundaries(double[] criticalValues, SequentialBoundaries.Method method) {

        double at(int look) {
            return criticalValues[look];
        }
    }

    private final Map<Object, Object> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Dunnett-type boundaries of all these arms at the schedule (one arm: ordinary; beyond four: Bonferroni). */
    Boundaries boundaries(LookSchedule schedule, double controlWeight, double[] armWeights) {
        BoundaryKey key = new BoundaryKey(list(schedule.informationRates()), list(schedule.cumulativeAlpha()),
                controlWeight, list(armWeights));
        return cached(key, () -> {
            SequentialBoundaries computed = DunnettBoundaries.forArms(controlWeight, armWeights).boundaries(schedule);
            return new Boundaries(computed.criticalValues(), computed.method());
        });
    }

    /** Non-binding beta-spending futility bounds of a design with these rates and critical values. */
    FutilityBounds futility(double[] rates, double[] criticalValues, Spending betaSpending, double beta) {
        FutilityKey key = new FutilityKey(list(rates), list(criticalValues), betaSpending, beta);
        return cached(key, () -> BetaSpendingFutility.of(rates, criticalValues, betaSpending, beta));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Object key, Supplier<T> compute) {
        synchronized (entries) {
            Object known = entries.get(key);
            if (known != null) {
                return (T) known;
            }
        }
        T computed = compute.get();
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
