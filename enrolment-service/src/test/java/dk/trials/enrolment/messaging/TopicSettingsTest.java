package dk.trials.enrolment.messaging;

import dk.trials.events.Topics;
import dk.trials.testing.TestKafka;
import dk.trials.testing.TrialTopics;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The topics a service rebuilds its projections from keep what a rebuild needs: trial-events the latest event of
 * each trial (compacted by trial id), enrolment-events every event (retained for ever); a topic created before these
 * settings is given them.
 */
@QuarkusTest
class TopicSettingsTest {

    private static final ConfigResource TRIAL_EVENTS = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TRIAL_EVENTS);
    private static final ConfigResource ENROLMENT_EVENTS = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENROLMENT_EVENTS);

    @Test
    void trialEventsAreCompactedByTrialIdAndEnrolmentEventsAreRetained() throws Exception {
        try (Admin admin = admin()) {
            assertEquals("compact", setting(admin, TRIAL_EVENTS, "cleanup.policy"));
            assertEquals("-1", setting(admin, ENROLMENT_EVENTS, "retention.ms"));
        }
    }

    @Test
    void aTrialEventsTopicCreatedWithTheBrokersDefaultsIsCompactedWhenTheTopicsAreCreatedAgain() throws Exception {
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(TRIAL_EVENTS, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            assertEquals("delete", setting(admin, TRIAL_EVENTS, "cleanup.policy"));

            TrialTopics.create(TestKafka.bootstrapServers());

            assertEquals("compact", setting(admin, TRIAL_EVENTS, "cleanup.policy"));
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    private static String setting(Admin admin, ConfigResource topic, String name) throws Exception {
        Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
        return config.get(name).value();
    }
}
