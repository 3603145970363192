package dk.trials.contracts.events.trial;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record EnrolmentPeriod(@NotNull LocalDate start, @NotNull LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
