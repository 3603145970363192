package dk.trials.events;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

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
    PARTICIPANT_TRANSFERRED(Topics.ENROLMENT_EVENTS),
    ALLOCATION_CHECKPOINT(Topics.ENROLMENT_EVENTS),
    OUTCOME_REPORTED(Topics.OUTCOME_EVENTS),
    LOOK_BOUNDARY_CROSSED(Topics.MONITORING_EVENTS),
    LOOK_FUTILITY_FLAGGED(Topics.MONITORING_EVENTS);

    /** Bumped when a payload changes incompatibly; consumers check it. */
    public static final int CURRENT_VERSION = 1;

    private final String topic;

    EventType(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** Every event published on {@code topic}, e.g. all the trial events a projection of trial-events handles. */
    public static Set<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(type -> type.topic.equals(topic))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
    }
}
