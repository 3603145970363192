package dk.trials.outcome;

/** Where a reported outcome stands: counted, waiting for its participant's enrolment, or refused with a reason. */
public enum OutcomeStatus {
    ACCEPTED,
    PENDING_ENROLMENT,
    REJECTED
}
