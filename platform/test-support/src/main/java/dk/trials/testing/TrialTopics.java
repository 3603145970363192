package dk.trials.testing;

import dk.trials.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The platform's topics and every consumer group's dead-letter topic ({@code <topic>.<consumer-group>.dlq}), created
 * before a service starts, as the local stack does ({@code deploy/local/KafkaTopics.java} keeps the same list): a
 * dead letter must find its topic there, not create it on the fly with whatever the broker's defaults are.
 * <p>
 * Two topics are kept so that a service can rebuild its projections by reading them from the start: trial-events is
 * compacted by its key, the trial id (each trial event carries the whole trial, so the latest one per trial is all a
 * rebuild needs), and enrolment-events is retained for ever (every enrolment counts in the analysis). A topic that
 * exists already is given these settings too.
 */
public final class TrialTopics {

    public static final List<String> TOPICS = List.of(Topics.TRIAL_EVENTS, Topics.ENROLMENT_EVENTS,
            Topics.OUTCOME_EVENTS, Topics.MONITORING_EVENTS);

    /** One per consumer channel: enrolment-service reads trial-events; outcome-service reads three topics. */
    public static final List<String> DEAD_LETTER_TOPICS = List.of(
            "trial-events.enrolment-service.dlq",
            "trial-events.outcome-service.dlq",
            "enrolment-events.outcome-service.dlq",
            "outcome-events.outcome-service.dlq");

    /** The settings that let a service rebuild its projections from the topic; the broker's defaults elsewhere. */
    public static final Map<String, Map<String, String>> SETTINGS = Map.of(
            Topics.TRIAL_EVENTS, Map.of("cleanup.policy", "compact"),
            Topics.ENROLMENT_EVENTS, Map.of("retention.ms", "-1"));

    static final int PARTITIONS = 3;

    private TrialTopics() {
    }

    /** Creates whichever of the topics the broker does not have yet. */
    public static void create(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : Stream.concat(TOPICS.stream(), DEAD_LETTER_TOPICS.stream()).toList()) {
                Map<String, String> settings = SETTINGS.getOrDefault(topic, Map.of());
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1).configs(settings)))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
                    }
                    settle(admin, topic, settings);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topics not created in time", e);
        }
    }

    /** Gives a topic created before these settings existed the settings it would be created with now. */
    private static void settle(Admin admin, String topic, Map<String, String> settings)
            throws InterruptedException, TimeoutException {
        if (settings.isEmpty()) {
            return;
        }
        Collection<AlterConfigOp> set = settings.entrySet().stream()
                .map(s -> new AlterConfigOp(new ConfigEntry(s.getKey(), s.getValue()), AlterConfigOp.OpType.SET)).toList();
        try {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), set))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot set " + settings + " on topic " + topic, e.getCause());
        }
    }
}
