package dk.trials.platform.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A cluster that wants SASL over TLS configures it once, as {@code kafka.*}, and every client the services make gets it. */
@QuarkusTest
@TestProfile(KafkaClientSettingsTest.ScramOverTls.class)
class KafkaClientSettingsTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"enrolment-service\" password=\"not-a-real-password\";";

    public static class ScramOverTls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.security.protocol", "SASL_SSL",
                    "kafka.sasl.mechanism", "SCRAM-SHA-512",
                    "kafka.sasl.jaas.config", JAAS);
        }
    }

    private final KafkaClientSettings kafka;

    KafkaClientSettingsTest(KafkaClientSettings kafka) {
        this.kafka = kafka;
    }

    @Test
    void a_client_gets_the_security_settings_of_the_channels_beside_its_own() {
        Map<String, Object> settings = kafka.with(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000));

        assertEquals("127.0.0.1:1", settings.get("bootstrap.servers"));
        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", settings.get("sasl.mechanism"));
        assertEquals(JAAS, settings.get("sasl.jaas.config"));
        assertEquals(1_000, settings.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG));
    }

    @Test
    void a_clients_own_setting_wins_over_the_shared_one() {
        assertEquals("PLAINTEXT", kafka.with(Map.of("security.protocol", "PLAINTEXT")).get("security.protocol"));
    }

    @Test
    void the_settings_make_a_working_client_configuration() {
        // Kafka parses the JAAS entry and the SSL settings when it builds the client: a wrong name or value throws here.
        try (AdminClient admin = AdminClient.create(kafka.with(Map.of()))) {
            admin.close(Duration.ZERO);
        }
    }

    @Test
    void the_health_detail_names_the_shared_bootstrap_servers() {
        assertEquals("127.0.0.1:1", kafka.bootstrapServers());
    }
}
