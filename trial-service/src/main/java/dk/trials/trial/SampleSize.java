package dk.trials.trial;

import java.util.List;

/**
 * Participants and events a trial needs for its primary outcome. Each arm other than the control is compared with
 * the control at the given two-sided alpha (no multiplicity adjustment: pass an adjusted alpha for that).
 * <p>
 * Also the document stored in a trial's {@code sample_size} column when it opens: components are never renamed.
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
     * numberOfSubjects1 and 2, Schoenfeld's events), and its events rounded up.
     */
    public record ComparisonSampleSize(String arm, String versus, double allocationRatio, double armParticipants,
                                       double versusParticipants, double eventsExact, int events) {
    }
}
