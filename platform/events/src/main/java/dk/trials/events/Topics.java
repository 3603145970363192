package dk.trials.events;

/** Topic names; every record is keyed by trial id so that each trial's events stay in order. */
public final class Topics {
    public static final String TRIAL_EVENTS = "trial-events";
    public static final String ENROLMENT_EVENTS = "enrolment-events";
    /** Inbound register feed of outcomes (exit to job, censoring events). */
    public static final String OUTCOME_EVENTS = "outcome-events";
    /** Formal looks of outcome-service that crossed a boundary or flagged futility, for alerts and committees. */
    public static final String MONITORING_EVENTS = "monitoring-events";

    /** Kafka header carrying the envelope's event id. */
    public static final String EVENT_ID_HEADER = "eventId";
    /** Kafka header carrying the envelope's type, so routers need not parse the body. */
    public static final String EVENT_TYPE_HEADER = "eventType";

    private Topics() {
    }
}
