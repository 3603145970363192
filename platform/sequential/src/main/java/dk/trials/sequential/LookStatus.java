package dk.trials.sequential;

/**
 * Where a look stands against the planned maximum information, in rpact's terms ({@code getObservedInformationRates}
 * status "interim-stage", "final-stage", "over-running", "under-running").
 */
public enum LookStatus {
    /** Below the planned maximum: the planned spending function at the observed rate. */
    INTERIM,
    /** Exactly the planned maximum: the planned spending function, all alpha spent. */
    FINAL,
    /** Beyond the planned maximum: this look is the final one, rates re-scaled to its information. */
    OVER_RUNNING,
    /** Within the information epsilon below the planned maximum and taken as final, rates re-scaled likewise. */
    UNDER_RUNNING;

    /** Whether no look may follow this one: all alpha has been spent. */
    public boolean isFinal() {
        return this != INTERIM;
    }
}
