import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Pre-creates the stack's Kafka topics so that they have the intended partition count before
 * the first producer or consumer touches them (auto-creation would also work, but races between
 * a consumer subscribing and the first publish make the first events easy to miss in a demo).
 *
 * Two topics are kept so that a service can rebuild its projections by reading them from the start: trial-events is
 * compacted by its key, the trial id (each trial event carries the whole trial), and enrolment-events is retained for
 * ever (the same settings as platform/test-support's TrialTopics).
 *
 * usage: java -cp <kafka classpath> KafkaTopics.java BOOTSTRAP [PARTITIONS]
 * An existing topic keeps its partitions and is given the settings above. Exit 0 on success, 1 if the broker could
 * not be reached.
 */
public class KafkaTopics {

    static final List<String> TOPICS = List.of("trial-events", "enrolment-events", "outcome-events", "monitoring-events",
            // Each consumer group's dead-letter topic, <topic>.<consumer-group>.dlq, as the services' channels name
            // them (the same list as platform/test-support's TrialTopics).
            "trial-events.enrolment-service.dlq", "trial-events.outcome-service.dlq",
            "enrolment-events.outcome-service.dlq", "outcome-events.outcome-service.dlq");

    static final Map<String, Map<String, String>> SETTINGS = Map.of(
            "trial-events", Map.of("cleanup.policy", "compact"),
            "enrolment-events", Map.of("retention.ms", "-1"));

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KafkaTopics BOOTSTRAP [PARTITIONS]");
            System.exit(2);
        }
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        try (Admin admin = Admin.create(config)) {
            for (String topic : TOPICS) {
                // Replication factor 1: a local single-node broker has nobody to replicate to.
                Map<String, String> settings = SETTINGS.getOrDefault(topic, Map.of());
                NewTopic spec = new NewTopic(topic, partitions, (short) 1).configs(settings);
                try {
                    admin.createTopics(List.of(spec)).all().get(60, TimeUnit.SECONDS);
                    System.out.println("created topic " + topic + " (" + partitions + " partitions)" + described(settings));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        settle(admin, topic, settings);
                        System.out.println("topic " + topic + " exists" + described(settings));
                    } else {
                        System.err.println("could not create topic " + topic + ": " + e.getCause());
                        System.exit(1);
                    }
                }
            }
        }
    }

    /** Gives a topic created before these settings existed the settings it would be created with now. */
    static void settle(Admin admin, String topic, Map<String, String> settings) throws Exception {
        if (settings.isEmpty()) {
            return;
        }
        List<AlterConfigOp> set = settings.entrySet().stream()
                .map(s -> new AlterConfigOp(new ConfigEntry(s.getKey(), s.getValue()), AlterConfigOp.OpType.SET)).toList();
        try {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), set))
                    .all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            System.err.println("could not set " + settings + " on topic " + topic + ": " + e.getCause());
            System.exit(1);
        }
    }

    static String described(Map<String, String> settings) {
        return settings.isEmpty() ? "" : " " + settings;
    }
}
