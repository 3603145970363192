package dk.trials.trial;

import java.util.List;

/**
 * Participants and events a trial needs for its primary outcome under its monitoring plan. Each of the J arms other
 * than the control is compared with the control at the two-sided level α/J ({@code alpha} is the family-wise level),
 * and needs the single-analysis size times the plan's inflation factor.
 * <p>
 * Also the document stored in a trial's {@code sample_size} column when it opens: components are never renamed.
 * Trials opened before sizes followed the plan stored theirs at α per comparison with no inflation, without the
 * per-comparison {@code alpha} and {@code inflationFactor} (read back as null).
 *
 * @param hazardRatioDerived true when the hazard ratio was derived from the incidences under proportional hazards
 * @param events             events the most demanding comparison needs: the trial's planned events
 */
public record SampleSize(double controlIncidence, double treatmentIncidence, double alpha, double power,
                         double hazardRatio, boolean hazardRatioDerived, List<ArmSampleSize> arms, int participants,
                         List<ComparisonSampleSize> comparisons, int events) {

    /** Whole participants one arm needs (rounded up), in proportion to its allocation weight. */
    public record ArmSampleSize(String arm, int allocationWeight, boolean control, int participants) {
    }

    /**
     * What one comparison of an arm with the control arm needs, unrounded as R reports it (rpact
     * maxNumberOfSubjects1 and 2, maxNumberOfEvents with Schoenfeld's formula, for the plan's design at the
     * comparison's level), and its events rounded up.
     *
     * @param alpha           the comparison's two-sided level, α/J; null on a size stored before it was recorded
     * @param inflationFactor the plan's inflation factor at that level (rpact getDesignCharacteristics); null likewise
     */
    public record ComparisonSampleSize(String arm, String versus, double allocationRatio, double armParticipants,
                                       double versusParticipants, double eventsExact, int events, Double alpha,
                                       Double inflationFactor) {

        /** The level the comparison was sized at: α/J, or for a size stored before that was recorded, {@code trialAlpha}. */
        public double levelOr(double trialAlpha) {
            return alpha == null ? trialAlpha : alpha;
        }
    }
}
