package dk.trials.strimzicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The prod Kafka rules on src/test/resources/prod/complete.yaml, a render that follows all of them for the fixture
 * repository's shop-service (consumes orders as group shop-service, dead-letters to orders.shop-service.dlq, scaled to
 * at most 6 replicas): each change breaks one rule, and the finding names it.
 */
class ProdKafkaRulesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<ObjectNode> completeProd() throws Exception {
        try (InputStream in = Objects.requireNonNull(ProdKafkaRulesTest.class.getResourceAsStream("/prod/complete.yaml"))) {
            List<ObjectNode> objects = new ArrayList<>();
            YAML.readerFor(ObjectNode.class).<ObjectNode>readValues(in).forEachRemaining(objects::add);
            return objects;
        }
    }

    private static Path repository() throws Exception {
        return Path.of(Objects.requireNonNull(ProdKafkaRulesTest.class.getResource("/repository")).toURI());
    }

    private static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow();
    }

    private static List<String> checkWith(Consumer<List<ObjectNode>> change) throws Exception {
        List<ObjectNode> objects = completeProd();
        change.accept(objects);
        List<Object> models = new ArrayList<>();
        for (JsonNode object : objects.stream().filter(StrictStrimziReader::isStrimzi).toList()) {
            StrictStrimziReader.Result read = StrictStrimziReader.read(object);
            assertEquals(Optional.empty(), read.refusal(), "the changed fixture must still read");
            models.add(read.model().orElseThrow());
        }
        Rendering prod = new Rendering("overlays/prod", List.copyOf(objects));
        return ProdKafkaRules.check(prod, StrimziObjects.of(models), ServiceMessaging.of(repository()));
    }

    private static void breaks(Consumer<List<ObjectNode>> change, String... findings) throws Exception {
        assertEquals(List.of(findings).stream().map(f -> "overlays/prod: " + f).toList(), checkWith(change));
    }

    @Test
    void passesARenderThatFollowsEveryRule() throws Exception {
        assertEquals(List.of(), checkWith(objects -> { }));
    }

    @Test
    void readsWhatTheServiceConsumesFromItsApplicationProperties() throws Exception {
        ServiceMessaging shop = new ServiceMessaging("shop-service", Set.of("orders"), Set.of("shop-service"), Set.of("orders.shop-service.dlq"));
        assertEquals(List.of(shop), ServiceMessaging.of(repository()));
    }

    @Test
    void needsAKafka() throws Exception {
        breaks(objects -> objects.removeIf(o -> "Kafka".equals(o.path("kind").asText())),
                "no Kafka",
                "KafkaTopic/orders: label strimzi.io/cluster=trials names no Kafka in this overlay",
                "KafkaTopic/orders.shop-service.dlq: label strimzi.io/cluster=trials names no Kafka in this overlay",
                "KafkaTopic/monitoring-events: label strimzi.io/cluster=trials names no Kafka in this overlay",
                "KafkaUser/shop-service: label strimzi.io/cluster=trials names no Kafka in this overlay",
                "KafkaUser/register-feed: label strimzi.io/cluster=trials names no Kafka in this overlay");
    }

    @Test
    void needsKRaftNotDisabled() throws Exception {
        breaks(objects -> ((ObjectNode) named(objects, "Kafka", "trials").path("metadata").path("annotations")).put("strimzi.io/kraft", "disabled"),
                "Kafka/trials: annotation strimzi.io/kraft is disabled, not enabled (KRaft with node pools)");
    }

    @Test
    void needsNodePoolsWithControllerAndBrokerRoles() throws Exception {
        breaks(objects -> ((ArrayNode) named(objects, "KafkaNodePool", "dual").path("spec").path("roles")).remove(0),
                "Kafka/trials: its KafkaNodePools have the roles [BROKER], KRaft needs controller and broker");
    }

    @Test
    void needsThreeBrokersForReplicationThree() throws Exception {
        breaks(objects -> ((ObjectNode) named(objects, "KafkaNodePool", "dual").path("spec")).put("replicas", 1),
                "Kafka/trials: 1 broker replicas cannot hold topics replicated 3 times");
    }

    @Test
    void needsAuthorizationForTheAclsToMatter() throws Exception {
        breaks(objects -> ((ObjectNode) named(objects, "Kafka", "trials").path("spec").path("kafka")).remove("authorization"),
                "Kafka/trials: no spec.kafka.authorization, so the KafkaUsers' ACLs are not enforced");
    }

    @Test
    void needsATopicForEveryConsumedDeadLetterAndMonitoringTopic() throws Exception {
        breaks(objects -> objects.removeIf(o -> "KafkaTopic".equals(o.path("kind").asText())),
                "no KafkaTopic for monitoring-events", "no KafkaTopic for orders", "no KafkaTopic for orders.shop-service.dlq");
    }

    @Test
    void needsAsManyPartitionsAsTheConsumerMayRunReplicas() throws Exception {
        breaks(objects -> ((ObjectNode) named(objects, "KafkaTopic", "orders").path("spec")).put("partitions", 4),
                "KafkaTopic/orders: 4 partitions, fewer than the 6 replicas shop-service's HorizontalPodAutoscaler may run (the rest would idle)");
    }

    @Test
    void needsAnHpaToSizeAConsumedTopicBy() throws Exception {
        breaks(objects -> objects.removeIf(o -> "HorizontalPodAutoscaler".equals(o.path("kind").asText())),
                "KafkaTopic/orders: no HorizontalPodAutoscaler for its consumer shop-service to size partitions by");
    }

    @Test
    void needsReplicationThreeAndMinInSyncTwo() throws Exception {
        breaks(objects -> {
            ObjectNode spec = (ObjectNode) named(objects, "KafkaTopic", "monitoring-events").path("spec");
            spec.put("replicas", 1);
            ((ObjectNode) spec.path("config")).put("min.insync.replicas", 1);
        }, "KafkaTopic/monitoring-events: replicas 1, prod needs 3", "KafkaTopic/monitoring-events: config min.insync.replicas 1, prod needs 2");
    }

    @Test
    void needsAUserPerServiceAndForTheRegisterFeed() throws Exception {
        breaks(objects -> objects.removeIf(o -> "KafkaUser".equals(o.path("kind").asText())),
                "expected one KafkaUser named after shop-service, found 0", "expected one KafkaUser named after register-feed, found 0");
    }

    @Test
    void needsUsersToAuthenticate() throws Exception {
        breaks(objects -> ((ObjectNode) named(objects, "KafkaUser", "register-feed").path("spec")).remove("authentication"),
                "KafkaUser/register-feed: no spec.authentication (tls or scram-sha-512)");
    }

    @Test
    void needsReadOnConsumedTopicsAndGroupsAndWriteOnDeadLetters() throws Exception {
        breaks(objects -> ((ArrayNode) named(objects, "KafkaUser", "shop-service").path("spec").path("authorization").path("acls")).remove(0),
                "KafkaUser/shop-service: no ACL allows Read on topic orders");
        breaks(objects -> ((ArrayNode) named(objects, "KafkaUser", "shop-service").path("spec").path("authorization").path("acls")).remove(1),
                "KafkaUser/shop-service: no ACL allows Read on group shop-service");
        breaks(objects -> ((ArrayNode) named(objects, "KafkaUser", "shop-service").path("spec").path("authorization").path("acls")).remove(2),
                "KafkaUser/shop-service: no ACL allows Write on topic orders.shop-service.dlq");
    }

    @Test
    void needsTheRegisterFeedToWriteOutcomeEvents() throws Exception {
        breaks(objects -> ((ObjectNode) named(objects, "KafkaUser", "register-feed").path("spec").path("authorization").path("acls").get(0)
                        .path("resource")).put("name", "outcome-event"),
                "KafkaUser/register-feed: no ACL allows Write on topic outcome-events");
    }

    @Test
    void acceptsAPrefixAclForTheTopicsItCovers() throws Exception {
        assertEquals(List.of(), checkWith(objects -> {
            ObjectNode resource = (ObjectNode) named(objects, "KafkaUser", "shop-service").path("spec").path("authorization").path("acls")
                    .get(2).path("resource");
            resource.put("name", "orders.shop-service.");
            resource.put("patternType", "prefix");
        }));
    }
}
