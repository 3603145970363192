package dk.trials.enrolment.service.allocation;

/** A replayed allocation could not follow the recorded draws. */
public class ReplayMismatchException extends RuntimeException {
    public ReplayMismatchException(String message) {
        super(message);
    }
}
