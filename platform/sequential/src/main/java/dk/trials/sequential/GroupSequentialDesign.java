package dk.trials.sequential;

/**
 * A two-sided group-sequential test of one comparison at level {@code alpha}, spending it with a family as rpact's
 * {@code getDesignGroupSequential(sided = 2, alpha, typeOfDesign, gammaA, informationRates)} does. Critical values
 * equal rpact's {@code criticalValues} to its own tolerance (see {@link TwoSidedCriticalValues}); the boundaries
 * at looks whose information differs from the plan, or over-runs it, follow {@link LookSchedule#observed}.
 */
public record GroupSequentialDesign(Spending spending, double alpha) {

    public GroupSequentialDesign {
        if (spending == null || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("a spending function and an alpha in (0, 1) are required");
        }
    }

    /** rpact's default monitoring plan: O'Brien–Fleming-type {@code asOF}, two-sided. */
    public static GroupSequentialDesign obrienFleming(double alpha) {
        return new GroupSequentialDesign(Spending.obrienFleming(), alpha);
    }

    /** Critical values at looks at these rates of the planned maximum (rpact's design with these informationRates). */
    public SequentialBoundaries boundaries(double... rates) {
        return boundaries(LookSchedule.planned(spending, alpha, rates));
    }

    /** Critical values at the observed looks, handling over- and under-running as rpact does at analysis time. */
    public SequentialBoundaries boundariesAtInformation(double[] information, double maxInformation,
                                                        double informationEpsilon) {
        return boundaries(LookSchedule.observed(spending, alpha, information, maxInformation, informationEpsilon));
    }

    /** Critical values that spend the schedule's cumulative alpha (rpact's {@code asUser}). */
    public static SequentialBoundaries boundaries(LookSchedule schedule) {
        return new SequentialBoundaries(schedule,
                TwoSidedCriticalValues.solve(schedule.informationRates(), schedule.cumulativeAlpha()),
                SequentialBoundaries.Method.SINGLE_COMPARISON);
    }
}
