package dk.trials.outcome;

/** What the formal group-sequential looks have decided so far; once crossed, the boundary stays crossed. */
public enum MonitoringDecision {
    CONTINUE,
    EFFICACY_BOUNDARY_CROSSED
}
