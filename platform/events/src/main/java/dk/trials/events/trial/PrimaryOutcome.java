package dk.trials.events.trial;


/** The outcome the trial is powered for and analysed on, followed up to {@code horizonWeeks} after enrolment. */
public record PrimaryOutcome(PrimaryOutcomeType type, int horizonWeeks) {

    public int horizonDays() {
        return horizonWeeks * 7;
    }
}
