package dk.trials.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every example an OpenAPI document shows, checked against the schema it illustrates (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses): request and response bodies, parameters, and the examples of component schemas and their
 * properties. A generated client trusts the schema, so an example that breaks it teaches a client the wrong thing.
 */
public final class OpenApiExamples {

    private final JsonNode document;
    private final List<String> invalid = new ArrayList<>();

    private OpenApiExamples(JsonNode document) {
        this.document = document;
    }

    /** One line per example that breaks its schema, naming where it stands and what is wrong; empty when all hold. */
    public static List<String> invalid(JsonNode document) {
        OpenApiExamples examples = new OpenApiExamples(document);
        examples.checkAll();
        return List.copyOf(examples.invalid);
    }

    /** What {@code value} breaks of {@code schema}, a schema of {@code document} (its $refs resolved there); empty if nothing. */
    public static List<String> violations(JsonNode document, JsonNode schema, JsonNode value) {
        OpenApiExamples examples = new OpenApiExamples(document);
        examples.check("value", schema, value);
        return List.copyOf(examples.invalid);
    }

    private void checkAll() {
        OpenApiConformance.operations(document).forEach((operation, node) -> {
            node.path("requestBody").path("content").fields()
                    .forEachRemaining(media -> checkMediaType(operation + " request", media.getValue()));
            node.path("responses").fields().forEachRemaining(response -> response.getValue().path("content").fields()
                    .forEachRemaining(media -> checkMediaType(operation + " " + response.getKey(), media.getValue())));
            for (JsonNode parameter : node.path("parameters")) {
                if (parameter.has("example")) {
                    check(operation + " parameter " + parameter.path("name").asText(), parameter.path("schema"),
                            parameter.get("example"));
                }
            }
        });
        document.at("/components/schemas").fields().forEachRemaining(schema ->
                checkSchemaExamples(schema.getKey(), schema.getValue()));
    }

    private void checkMediaType(String where, JsonNode mediaType) {
        JsonNode schema = mediaType.path("schema");
        if (mediaType.has("example")) {
            check(where, schema, mediaType.get("example"));
        }
        mediaType.path("examples").fields().forEachRemaining(example ->
                check(where + " example " + example.getKey(), schema, example.getValue().path("value")));
    }

    private void checkSchemaExamples(String where, JsonNode schema) {
        for (JsonNode example : schema.path("examples")) {
            check("schema " + where, schema, example);
        }
        schema.path("properties").fields().forEachRemaining(property ->
                checkSchemaExamples(where + "." + property.getKey(), property.getValue()));
    }

    private void check(String where, JsonNode schema, JsonNode example) {
        // The schema is checked inside a copy of the components, so that its $refs resolve.
        ObjectNode standalone = schema.deepCopy();
        standalone.set("components", document.path("components"));
        Set<ValidationMessage> messages = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(standalone).validate(example);
        messages.forEach(message -> invalid.add(where + ": " + message.getMessage()));
    }
}
