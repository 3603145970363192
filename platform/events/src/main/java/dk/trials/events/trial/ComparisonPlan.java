package dk.trials.events.trial;

/**
 * What one comparison of an arm with the control needs under the trial's monitoring plan, frozen when the trial
 * opens: its two-sided level (α/J for J comparisons), the planned events in the two arms together (the
 * comparison's maximum information) and the planned participants of each arm.
 */
public record ComparisonPlan(String arm, String versus, double alpha, int plannedEvents, int armParticipants,
                             int versusParticipants) {
}
