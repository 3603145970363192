package dk.trials.sequential;

/**
 * What one comparison of an arm with the control needs under a group-sequential plan, at its per-comparison level
 * α/J: the fixed-design figures times the design's inflation factor, unrounded as rpact reports them
 * ({@code maxNumberOfEvents}, {@code maxNumberOfSubjects1/2}), and rounded up to whole events and participants.
 */
public record SequentialComparisonSize(
        double comparisonAlpha,
        double inflationFactor,
        double eventsExact,
        int events,
        double armParticipantsExact,
        double controlParticipantsExact,
        int armParticipants,
        int controlParticipants) {
}
