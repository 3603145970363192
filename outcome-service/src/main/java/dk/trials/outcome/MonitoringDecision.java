package dk.trials.outcome;

/**
 * What the formal group-sequential looks, taken on frozen data cuts, have decided so far; once a look crossed, the
 * boundary stays crossed. Provisional figures between looks never decide, and advisory futility is not a decision.
 */
public enum MonitoringDecision {
    CONTINUE,
    EFFICACY_BOUNDARY_CROSSED
}
