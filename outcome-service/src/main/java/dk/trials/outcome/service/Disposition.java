package dk.trials.outcome.service;

import dk.trials.outcome.OutcomeStatus;

/** What became of one reported outcome. */
public enum Disposition {
    /** Counted: the participant is known and the outcome is on or after their enrolment. */
    ACCEPTED,
    /** Kept until the participant's enrolment event arrives, then counted or rejected. */
    PENDING_ENROLMENT,
    /** The same source and source id was reported before; nothing changed. */
    DUPLICATE,
    /** Breaks a rule; the reason says which. */
    REJECTED,
    /**
     * Would wait for its participant, but its jobcentre already keeps as many outcomes waiting as it may
     * ({@link PendingOutcomeAllowance}); not kept.
     */
    TOO_MANY_PENDING;

    /** The disposition of an outcome kept (or, if rejected, refused) with this status. */
    static Disposition of(OutcomeStatus status) {
        return switch (status) {
            case ACCEPTED -> ACCEPTED;
            case PENDING_ENROLMENT -> PENDING_ENROLMENT;
            case REJECTED -> REJECTED;
        };
    }
}
