package dk.trials.strimzicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fixture under src/test/resources/manifests breaks one thing the Strimzi operator would refuse. */
class StrictStrimziReaderTest {
    private static List<String> findings;

    @BeforeAll
    static void checkFixtures() throws URISyntaxException {
        Path manifests = Path.of(Objects.requireNonNull(StrictStrimziReaderTest.class.getResource("/manifests")).toURI());
        findings = StrimziCheck.check(manifests, manifests, false);
    }

    private static List<String> of(String fixture) {
        return findings.stream().filter(finding -> finding.startsWith(fixture + ": ")).toList();
    }

    private static void refusedWith(String fixture, String expected) {
        List<String> found = of(fixture);
        assertEquals(1, found.size(), () -> fixture + ": " + found);
        assertTrue(found.get(0).contains(expected), () -> found.get(0) + " should contain " + expected);
    }

    @Test
    void isNeededBecauseTheStrimziModelKeepsUnknownFieldsEvenWhenJacksonFailsOnThem() throws Exception {
        ObjectMapper plain = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        KafkaTopic topic = plain.readValue("""
                {"apiVersion": "kafka.strimzi.io/v1", "kind": "KafkaTopic", "metadata": {"name": "orders"},
                 "spec": {"partiton": 6}}""", KafkaTopic.class);
        assertEquals(Map.of("partiton", 6), topic.getSpec().getAdditionalProperties());
    }

    @Test
    void readsValidTopicsAndUsers() {
        assertEquals(List.of(), of("valid"));
    }

    @Test
    void refusesAMisspeltSpecFieldThatTheModelWouldOtherwiseKeepAsAnAdditionalProperty() {
        refusedWith("misspelt-spec-field", "KafkaTopic/orders: spec.partiton: Unrecognized field \"partiton\"");
    }

    @Test
    void refusesAnUnknownFieldDeepInsideTheSpec() {
        refusedWith("misspelt-nested-field", "KafkaUser/shop-service: spec.authorization.acls[0].operation: Unrecognized field \"operation\"");
    }

    @Test
    void refusesAMisspeltMetadataField() {
        refusedWith("misspelt-metadata-field", "KafkaTopic/orders: metadata.lables: Unrecognized field \"lables\"");
    }

    @Test
    void refusesAKafkaThatStillNamesZooKeeper() {
        refusedWith("zookeeper", "Kafka/trials: spec.zookeeper: Unrecognized field \"zookeeper\"");
    }

    @Test
    void refusesAStringWhereTheSchemaWantsAnInteger() {
        refusedWith("string-partitions", "KafkaTopic/orders: spec.partitions:");
    }

    @Test
    void refusesAnApiVersionOtherThanV1() {
        refusedWith("old-api-version", "KafkaTopic/orders: apiVersion kafka.strimzi.io/v1beta2 is not kafka.strimzi.io/v1");
    }

    @Test
    void refusesAKindNoStrimziModelClassReads() {
        refusedWith("unknown-kind", "KafkaWidget/gadget: kind KafkaWidget is none of Kafka, KafkaBridge");
    }

    @Test
    void refusesAnObjectWithoutSpec() {
        refusedWith("no-spec", "KafkaTopic/orders: no spec");
    }

    @Test
    void failsAKustomizationThatDoesNotRender() {
        refusedWith("does-not-render", "does not render: kubectl kustomize");
    }

    @Test
    void failsATreeWithoutTheProdOverlayWhenItIsRequired() throws URISyntaxException {
        Path valid = Path.of(Objects.requireNonNull(StrictStrimziReaderTest.class.getResource("/manifests/valid")).toURI());
        assertEquals(List.of(valid + ": no overlays/prod kustomization"), StrimziCheck.check(valid, valid, true));
    }

    @Test
    void findsNothingElse() {
        List<String> fixtures = List.of("valid", "does-not-render", "misspelt-spec-field", "misspelt-nested-field", "misspelt-metadata-field", "zookeeper",
                "string-partitions", "old-api-version", "unknown-kind", "no-spec");
        assertEquals(List.of(), findings.stream().filter(f -> fixtures.stream().noneMatch(x -> f.startsWith(x + ": "))).toList());
    }
}
