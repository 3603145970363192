package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example check finds what it is there to find, so that its empty answer in the documentation test means something. */
class ExampleValidatorTest {

    private static JsonNode document(String example) throws Exception {
        return new ObjectMapper().readTree("""
                {"paths": {"/api/v1/things": {"get": {"responses": {"200": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Thing"},
                    "examples": {"one": {"value": %s}}}}}}}}},
                 "components": {"schemas": {
                    "Thing": {"type": "object", "required": ["id", "kind"], "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "kind": {"type": "string", "enum": ["A", "B"]},
                        "note": {"type": ["string", "null"]},
                        "counts": {"type": "object", "additionalProperties": {"type": "integer", "format": "int32"}},
                        "days": {"type": "array", "items": {"type": "string", "format": "date"}}}}}}}
                """.formatted(example));
    }

    @Test
    void aValidExamplePasses() throws Exception {
        assertEquals(List.of(), ExampleValidator.violations(document("""
                {"id": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10", "kind": "A", "note": null, "counts": {"x": 1},
                 "days": ["2027-03-01"]}""")));
    }

    @Test
    void everyKindOfMistakeIsNamed() throws Exception {
        assertEquals(List.of(
                "GET /api/v1/things 200 example one: lacks the required kind",
                "GET /api/v1/things 200 example one.id: not-a-uuid is not a uuid",
                "GET /api/v1/things 200 example one.counts.x: \"1\" is not an integer of int32",
                "GET /api/v1/things 200 example one.days[0]: 2027-02-31 is not a date",
                "GET /api/v1/things 200 example one: extra is not in the schema"),
                ExampleValidator.violations(document("""
                        {"id": "not-a-uuid", "counts": {"x": "1"}, "days": ["2027-02-31"], "extra": true}""")));
        assertEquals(List.of("GET /api/v1/things 200 example one.kind: \"C\" is not one of [\"A\",\"B\"]"),
                ExampleValidator.violations(document("""
                        {"id": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10", "kind": "C"}""")));
    }
}
