package dk.trials.contracts.events.trial;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** The outcome the trial is powered for and analysed on, followed up to {@code horizonWeeks} after enrolment. */
public record PrimaryOutcome(@NotBlank String type, @Positive @Max(520) int horizonWeeks) {

    public int horizonDays() {
        return horizonWeeks * 7;
    }
}
