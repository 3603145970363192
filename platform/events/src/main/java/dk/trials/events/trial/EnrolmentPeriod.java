package dk.trials.events.trial;


import java.time.LocalDate;

public record EnrolmentPeriod(LocalDate start, LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
