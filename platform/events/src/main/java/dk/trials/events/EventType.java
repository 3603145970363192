package dk.trials.events;

/** Every event the platform publishes, with the topic it belongs to and the payload it carries. */
public enum EventType {
    TRIAL_OPENED(Topics.TRIAL_EVENTS),
    TRIAL_PAUSED(Topics.TRIAL_EVENTS),
    TRIAL_RESUMED(Topics.TRIAL_EVENTS),
    TRIAL_CLOSED(Topics.TRIAL_EVENTS),
    TRIAL_COMPLETED(Topics.TRIAL_EVENTS),
    TRIAL_AMENDED(Topics.TRIAL_EVENTS),
    PARTICIPANT_ENROLLED(Topics.ENROLMENT_EVENTS),
    PARTICIPANT_WITHDRAWN(Topics.ENROLMENT_EVENTS),
    OUTCOME_REPORTED(Topics.OUTCOME_EVENTS);

    /** Bumped when a payload changes incompatibly; consumers check it. */
    public static final int CURRENT_VERSION = 1;

    private final String topic;

    EventType(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
