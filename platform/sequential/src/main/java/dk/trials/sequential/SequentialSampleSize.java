package dk.trials.sequential;

/**
 * Planned events and participants of one comparison under a group-sequential plan with J comparisons, each tested
 * at α/J (Bonferroni for the size; the monitoring's Dunnett-type boundaries are less strict, so the power asked
 * for is kept): rpact's {@code getSampleSizeSurvival(design, hazardRatio, allocationRatioPlanned,
 * typeOfComputation = "Schoenfeld")$maxNumberOfEvents} and {@code getSampleSizeRates(design, pi1, pi2,
 * allocationRatioPlanned)$maxNumberOfSubjects1/2}, with {@code design = getDesignGroupSequential(sided = 2,
 * alpha = α/J, beta = 1 − power, ...)}. Rounded up to the event and the participant.
 */
public final class SequentialSampleSize {

    private SequentialSampleSize() {
    }

    /**
     * @param ratio n_arm / n_control, the allocation ratio of the comparison
     * @param comparisons J, the number of experimental arms compared with the control
     */
    public static SequentialComparisonSize of(SequentialDesign design, double alpha, double power, int comparisons,
                                              double pControl, double pTreatment, double hazardRatio, double ratio) {
        if (comparisons < 1) {
            throw new IllegalArgumentException("at least one comparison is required");
        }
        double level = alpha / comparisons;
        double inflation = InflationFactor.of(design, level, power);
        double events = FixedDesignSize.events(hazardRatio, level, power, ratio) * inflation;
        double arm = FixedDesignSize.treatmentParticipants(pControl, pTreatment, level, power, ratio) * inflation;
        double control = arm / ratio;
        return new SequentialComparisonSize(level, inflation, events, wholeUp(events), arm, control, wholeUp(arm),
                wholeUp(control));
    }

    /** The inflation factor alone (rpact {@code getDesignCharacteristics(design)$inflationFactor}). */
    public static double inflationFactor(SequentialDesign design, double alpha, double power) {
        return InflationFactor.of(design, alpha, power);
    }

    private static int wholeUp(double value) {
        return Math.toIntExact((long) Math.ceil(value));
    }
}
