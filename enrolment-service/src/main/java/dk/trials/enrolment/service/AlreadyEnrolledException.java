package dk.trials.enrolment.service;

/** A concurrent request enrolled the same citizen first; this transaction rolls back and answers with that enrolment. */
public class AlreadyEnrolledException extends RuntimeException {
    public AlreadyEnrolledException() {
        super("The citizen was enrolled by a concurrent request", null, false, false);
    }
}
