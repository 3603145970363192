package dk.trials.strimzicheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.client.CustomResource;
import io.strimzi.api.kafka.model.bridge.KafkaBridge;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.connector.KafkaConnector;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.mirrormaker2.KafkaMirrorMaker2;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.rebalance.KafkaRebalance;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a kafka.strimzi.io object into the Strimzi operator's own model classes, refusing what the operator would not
 * understand. The model classes keep unknown fields in an {@code additionalProperties} map through {@code @JsonAnySetter}
 * (so that the operator can round-trip newer resources); with that any-setter in place FAIL_ON_UNKNOWN_PROPERTIES never
 * fires. This reader's introspector therefore hides every any-setter, of Strimzi's classes and of fabric8's ObjectMeta
 * alike, and an unknown or misspelt field anywhere in the object fails with its path.
 */
public final class StrictStrimziReader {
    /** The only Strimzi API version the manifests may use: v1beta2 and older are removed from Strimzi 1.x. */
    public static final String API_VERSION = Kafka.RESOURCE_GROUP + "/v1";

    private static final Map<String, Class<? extends CustomResource<?, ?>>> KINDS = Map.of(
            Kafka.RESOURCE_KIND, Kafka.class,
            KafkaNodePool.RESOURCE_KIND, KafkaNodePool.class,
            KafkaTopic.RESOURCE_KIND, KafkaTopic.class,
            KafkaUser.RESOURCE_KIND, KafkaUser.class,
            KafkaConnect.RESOURCE_KIND, KafkaConnect.class,
            KafkaConnector.RESOURCE_KIND, KafkaConnector.class,
            KafkaMirrorMaker2.RESOURCE_KIND, KafkaMirrorMaker2.class,
            KafkaBridge.RESOURCE_KIND, KafkaBridge.class,
            KafkaRebalance.RESOURCE_KIND, KafkaRebalance.class);

    private static final ObjectMapper STRICT = strictMapper();

    private StrictStrimziReader() {
    }

    /** Whether an object belongs to Strimzi's API group, whatever its version. */
    public static boolean isStrimzi(JsonNode object) {
        return object.path("apiVersion").asText().startsWith(Kafka.RESOURCE_GROUP + "/");
    }

    /** The typed model of a kafka.strimzi.io object, or the reason the operator would not take it. */
    public static Result read(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (!API_VERSION.equals(apiVersion)) {
            return Result.refused("apiVersion " + apiVersion + " is not " + API_VERSION);
        }
        Class<? extends CustomResource<?, ?>> type = KINDS.get(kind);
        if (type == null) {
            return Result.refused("kind " + kind + " is none of " + KINDS.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        try {
            CustomResource<?, ?> model = STRICT.treeToValue(object, type);
            if (model.getSpec() == null) {
                return Result.refused("no spec");
            }
            return new Result(Optional.of(model), Optional.empty());
        } catch (JsonMappingException e) {
            return Result.refused(pathOf(e) + ": " + e.getOriginalMessage());
        } catch (Exception e) {
            return Result.refused(e.getMessage());
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(root)" : path.toString();
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // The CRDs' OpenAPI schemas are typed: the API server refuses partitions: "3", and so does this reader.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    /** A read: the model when the object is valid, otherwise the reason (field path and what is wrong). */
    public record Result(Optional<Object> model, Optional<String> refusal) {
        static Result refused(String reason) {
            return new Result(Optional.empty(), Optional.of(reason));
        }
    }
}
