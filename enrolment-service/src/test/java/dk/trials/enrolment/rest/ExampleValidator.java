package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trials.testing.OpenApiConformance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks every example of an OpenAPI 3.1 document against the schema it illustrates: the examples of request and
 * response bodies, and those of schema properties. It knows the keywords this service's document uses ($ref, type
 * with "null", properties, required, additionalProperties, items, enum, formats uuid/date/date-time/int32/int64,
 * minimum, maxLength, min/maxItems, pattern) and reports each violation as one line.
 */
final class ExampleValidator {

    private final JsonNode document;
    private final List<String> violations = new ArrayList<>();

    private ExampleValidator(JsonNode document) {
        this.document = document;
    }

    static List<String> violations(JsonNode document) {
        ExampleValidator validator = new ExampleValidator(document);
        OpenApiConformance.operations(document).forEach(validator::checkOperation);
        for (Iterator<Map.Entry<String, JsonNode>> schemas = document.at("/components/schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            validator.checkSchemaExamples("#/components/schemas/" + schema.getKey(), schema.getValue());
        }
        return validator.violations;
    }

    private void checkOperation(String where, JsonNode operation) {
        checkContent(where + " request", operation.at("/requestBody/content"));
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            checkContent(where + " " + response.getKey(), response.getValue().path("content"));
        }
    }

    private void checkContent(String where, JsonNode content) {
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            JsonNode mediaType = types.next().getValue();
            if (mediaType.has("example")) {
                check(where + " example", mediaType.get("example"), mediaType.path("schema"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> examples = mediaType.path("examples").fields(); examples.hasNext(); ) {
                Map.Entry<String, JsonNode> example = examples.next();
                check(where + " example " + example.getKey(), example.getValue().path("value"), mediaType.path("schema"));
            }
        }
    }

    private void checkSchemaExamples(String where, JsonNode schema) {
        for (JsonNode example : schema.path("examples")) {
            check(where + " example", example, schema);
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            checkSchemaExamples(where + "." + property.getKey(), property.getValue());
        }
    }

    private void check(String at, JsonNode value, JsonNode schema) {
        if (schema.has("$ref")) {
            check(at, value, document.at(schema.get("$ref").asText().substring(1)));
        }
        if (value.isNull()) {
            if (!allowsNull(schema)) {
                violations.add(at + ": null where the schema does not allow it");
            }
            return;
        }
        String type = type(schema, value);
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> checkObject(at, value, schema);
            case "array" -> checkArray(at, value, schema);
            case "string" -> checkString(at, value, schema);
            case "integer" -> checkInteger(at, value, schema);
            case "number" -> checkNumber(at, value, schema);
            case "boolean" -> require(value.isBoolean(), at, "is not a boolean");
            default -> violations.add(at + ": unknown type " + type);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            require(listed, at, value + " is not one of " + schema.get("enum"));
        }
    }

    /** The schema's non-null type; null when it names none (then only $ref or enum constrain the value). */
    private static String type(JsonNode schema, JsonNode value) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode t : type) {
            if (!t.asText().equals("null")) {
                return t.asText();
            }
        }
        return schema.has("properties") || schema.has("additionalProperties") ? "object" : null;
    }

    private boolean allowsNull(JsonNode schema) {
        for (JsonNode t : schema.path("type")) {
            if (t.asText().equals("null")) {
                return true;
            }
        }
        return schema.path("nullable").asBoolean(false);
    }

    private void checkObject(String at, JsonNode value, JsonNode schema) {
        if (!value.isObject()) {
            violations.add(at + ": is not an object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            require(value.has(required.asText()), at, "lacks the required " + required.asText());
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (properties.has(field.getKey())) {
                check(at + "." + field.getKey(), field.getValue(), properties.get(field.getKey()));
            } else if (additional.isObject()) {
                check(at + "." + field.getKey(), field.getValue(), additional);
            } else if (schema.has("properties")) {
                violations.add(at + ": " + field.getKey() + " is not in the schema");
            }
        }
    }

    private void checkArray(String at, JsonNode value, JsonNode schema) {
        if (!value.isArray()) {
            violations.add(at + ": is not an array");
            return;
        }
        require(!schema.has("minItems") || value.size() >= schema.get("minItems").asInt(), at, "has too few items");
        require(!schema.has("maxItems") || value.size() <= schema.get("maxItems").asInt(), at, "has too many items");
        for (int i = 0; i < value.size(); i++) {
            check(at + "[" + i + "]", value.get(i), schema.path("items"));
        }
    }

    private void checkString(String at, JsonNode value, JsonNode schema) {
        if (!value.isTextual()) {
            violations.add(at + ": " + value + " is not a string");
            return;
        }
        String text = value.asText();
        require(!schema.has("maxLength") || text.length() <= schema.get("maxLength").asInt(), at, "is too long");
        require(!schema.has("pattern") || Pattern.compile(schema.get("pattern").asText()).matcher(text).find(), at,
                text + " does not match " + schema.get("pattern"));
        try {
            switch (schema.path("format").asText()) {
                case "uuid" -> UUID.fromString(text);
                case "date" -> LocalDate.parse(text);
                case "date-time" -> Instant.parse(text);
                default -> {
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            violations.add(at + ": " + text + " is not a " + schema.path("format").asText());
        }
    }

    private void checkInteger(String at, JsonNode value, JsonNode schema) {
        boolean fits = schema.path("format").asText().equals("int32") ? value.canConvertToInt() : value.canConvertToLong();
        require(value.isIntegralNumber() && fits, at, value + " is not an integer of " + schema.path("format").asText());
        require(!schema.has("minimum") || value.asLong() >= schema.get("minimum").asLong(), at, "is below the minimum");
    }

    private void checkNumber(String at, JsonNode value, JsonNode schema) {
        require(value.isNumber(), at, value + " is not a number");
        require(!schema.has("minimum") || value.asDouble() >= schema.get("minimum").asDouble(), at, "is below the minimum");
    }

    private void require(boolean holds, String at, String violation) {
        if (!holds) {
            violations.add(at + ": " + violation);
        }
    }
}
