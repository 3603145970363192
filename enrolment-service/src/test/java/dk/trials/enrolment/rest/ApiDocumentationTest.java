package dk.trials.enrolment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.testing.OpenApiConformance;
import dk.trials.testing.OpenApiExamples;
import dk.trials.testing.OpenEndpoints;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract's conventions for this service: open operational endpoints, documented operations, problem+json, and
 * an OpenAPI document that says what the service returns, with examples that are valid against their schemas.
 */
@QuarkusTest
class ApiDocumentationTest {

    private static final String TRIAL = "/api/v1/trials/{trialId}";

    private static JsonNode openApi() throws Exception {
        return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        OpenEndpoints.answerWithoutAToken();
    }

    @Test
    void everyOperationHasAnIdADescriptionExamplesAndProblemResponses() throws Exception {
        JsonNode doc = openApi();
        assertEquals(Set.of(
                "POST " + TRIAL + "/enrolments",
                "GET " + TRIAL + "/enrolments/{enrolmentId}",
                "POST " + TRIAL + "/enrolments/{enrolmentId}/withdrawal",
                "POST " + TRIAL + "/enrolments/{enrolmentId}/transfer",
                "POST " + TRIAL + "/enrolments/import",
                "GET " + TRIAL + "/recruitment",
                "GET " + TRIAL + "/allocation-log",
                "GET " + TRIAL + "/uploads/{uploadId}",
                "POST " + TRIAL + "/allocation-log/replay",
                "GET /api/v1/admin/dead-letters",
                "POST /api/v1/admin/dead-letters/{topic}/{partition}/{offset}/replay"), OpenApiConformance.operations(doc).keySet());
        assertEquals(List.of(), OpenApiConformance.shortfalls(doc));
    }

    @Test
    void theDocumentNamesItsServerLicenceAndContact() throws Exception {
        JsonNode doc = openApi();
        assertEquals("http://127.0.0.1:8082", doc.at("/servers/0/url").asText());
        assertEquals(1, doc.path("servers").size());
        assertEquals("EUPL-1.2", doc.at("/info/license/name").asText());
        assertEquals("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
                doc.at("/info/license/url").asText());
        assertEquals(Map.of("name", "Trials platform team", "email", "trials@example.dk", "url", "https://trials.example.dk"),
                new ObjectMapper().convertValue(doc.at("/info/contact"), Map.class));
    }

    @Test
    void everySchemaIsNamedOnceAndNoneIsAFreeFormObject() throws Exception {
        JsonNode schemas = openApi().at("/components/schemas");
        Set<String> names = new TreeSet<>();
        schemas.fieldNames().forEachRemaining(names::add);
        // A second class of the same simple name would appear as a numbered copy (e.g. Group1), a JsonNode or Object
        // as a schema without properties: neither is here.
        assertEquals(new TreeSet<>(Set.of("AllocationDraw", "AllocationLog", "AllocationLogEntry", "AllocationState",
                "DeadLetterList", "DeadLetterReplayView", "DeadLetterView", "EnrolmentRequest", "EnrolmentResponse", "EnrolmentView", "EnrolmentWithdrawal", "FieldError",
                "ImportRequest", "ImportResult", "ImportedEnrolment", "Instant", "LocalDate", "Problem",
                "RandomisationMethod", "RecruitmentGroup", "RecruitmentView", "ReplayMismatch", "ReplayReport",
                "ReplayResult", "SampleRatioMismatch", "TransferRequest", "TrialStatus", "UUID", "UploadProgress", "UploadState", "WithdrawalRequest")), names);
        List<String> freeForm = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> freeFormObjects(schema.getKey(), schema.getValue(), freeForm));
        assertEquals(List.of(), freeForm);
    }

    /** Objects that say nothing of their content: what a JsonNode, Object or raw Map becomes in the document. */
    private static void freeFormObjects(String where, JsonNode schema, List<String> found) {
        boolean object = schema.path("type").asText().equals("object");
        if (object && !schema.has("$ref") && !schema.has("properties") && !schema.path("additionalProperties").isObject()) {
            found.add(where);
        }
        schema.path("properties").fields().forEachRemaining(p -> freeFormObjects(where + "." + p.getKey(), p.getValue(), found));
        if (schema.path("additionalProperties").isObject()) {
            freeFormObjects(where + ".*", schema.get("additionalProperties"), found);
        }
        if (schema.has("items")) {
            freeFormObjects(where + "[]", schema.get("items"), found);
        }
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() throws Exception {
        assertEquals(List.of(), OpenApiExamples.invalid(openApi()));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
