package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.testing.OpenApiConformance;
import dk.trials.testing.OpenApiExamples;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation is documented for client authors, the document says what the service returns, and the examples it
 * shows are valid against their schemas and accepted, or answered, as they stand.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        if (document == null) {
            document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        }
    }

    @Test
    void everyOperationHasAnIdADescriptionExamplesAndItsErrors() {
        assertEquals(List.of(), OpenApiConformance.shortfalls(document));
    }

    @Test
    void theDocumentHasExactlyTheServicesOperations() {
        assertEquals(new TreeSet<>(Set.of(
                        "GET /api/v1/jobcentres",
                        "GET /api/v1/jobcentres/{code}",
                        "POST /api/v1/sample-size",
                        "GET /api/v1/trials",
                        "POST /api/v1/trials",
                        "GET /api/v1/trials/{id}",
                        "PUT /api/v1/trials/{id}",
                        "GET /api/v1/trials/{id}/amendments",
                        "POST /api/v1/trials/{id}/amendments",
                        "GET /api/v1/trials/{id}/amendments/{number}",
                        "GET /api/v1/trials/{id}/audit",
                        "POST /api/v1/trials/{id}/close",
                        "POST /api/v1/trials/{id}/complete",
                        "POST /api/v1/trials/{id}/open",
                        "POST /api/v1/trials/{id}/pause",
                        "POST /api/v1/trials/{id}/resume")),
                new TreeSet<>(OpenApiConformance.operations(document).keySet()));
    }

    @Test
    void theDocumentNamesItsServerLicenceAndContact() {
        assertEquals("http://127.0.0.1:8081", document.at("/servers/0/url").asText());
        assertEquals(1, document.path("servers").size());
        assertEquals("EUPL-1.2", document.at("/info/license/name").asText());
        assertEquals("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
                document.at("/info/license/url").asText());
        assertEquals("Trials platform team", document.at("/info/contact/name").asText());
        assertEquals("trials@example.dk", document.at("/info/contact/email").asText());
    }

    /** One schema per model: a second class of the same simple name would show up as "Arm1" and break clients. */
    @Test
    void eachSchemaIsNamedOnceAndForItsOwnModel() {
        assertEquals(new TreeSet<>(Set.of(
                        "AmendmentRequest", "Amendment", "AuditEntry", "AuditAction", "Jobcentre", "Problem", "FieldError",
                        "SampleSizeRequest", "SampleSizeAssumptions", "PlannedArm", "SampleSize", "ArmSampleSize", "ComparisonSampleSize",
                        "TrialDesignRequest", "ArmRequest", "RandomisationRequest", "EligibilityRequest",
                        "PrimaryOutcomeRequest", "EnrolmentPeriodRequest", "PowerAssumptionsRequest",
                        "MonitoringPlanRequest", "SpendingPlanRequest", "FutilityPlanRequest", "MonitoringPlanAmendment",
                        "Trial", "DesignWarning", "BenefitType", "Arm", "Randomisation", "Eligibility", "PrimaryOutcome", "EnrolmentPeriod", "PowerAssumptions",
                        "MonitoringPlan", "SpendingPlan", "FutilityPlan", "FutilityMethod",
                        "TrialStatus", "TrialType", "PrimaryOutcomeType", "RandomisationMethod", "StratificationFactor",
                        "Instant", "LocalDate", "UUID")),
                fieldNames(document.at("/components/schemas")));
    }

    @Test
    void whatADraftLacksIsDocumentedAsNullable() {
        for (String field : List.of("designHash", "plannedEvents", "power", "monitoringPlan", "sampleSize", "warnings")) {
            assertEquals(List.of(), notNullable("Trial", field), "Trial." + field);
        }
        for (String field : List.of("blockSizes", "stratifyBy", "ageBands", "minimisationFactors", "minimisationProbability")) {
            assertEquals(List.of(), notNullable("Randomisation", field), "Randomisation." + field);
        }
        for (String field : List.of("statusBefore", "designHashBefore", "detail", "warnings")) {
            assertEquals(List.of(), notNullable("AuditEntry", field), "AuditEntry." + field);
        }
        for (String field : List.of("futility")) {
            assertEquals(List.of(), notNullable("MonitoringPlan", field), "MonitoringPlan." + field);
        }
        for (String field : List.of("monitoringPlanBefore", "monitoringPlan", "designHashBefore", "designHashAfter")) {
            assertEquals(List.of(), notNullable("Amendment", field), "Amendment." + field);
        }
        for (String field : List.of("alpha", "inflationFactor")) {
            assertEquals(List.of(), notNullable("ComparisonSampleSize", field), "ComparisonSampleSize." + field);
        }
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() {
        assertEquals(List.of(), OpenApiExamples.invalid(document));
    }

    @Test
    void theRequestExamplesAreAccepted() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialExamples.DESIGN)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id).then().statusCode(200);
        for (String amendment : List.of(TrialExamples.AMENDMENT_REQUEST, TrialExamples.AMENDMENT_REQUEST_LOOK)) {
            given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(amendment)
                    .post("/api/v1/trials/{id}/amendments", id).then().statusCode(201);
        }
        for (String request : List.of(TrialExamples.SAMPLE_SIZE_REQUEST, TrialExamples.SAMPLE_SIZE_REQUEST_WEIGHTED,
                TrialExamples.SAMPLE_SIZE_REQUEST_PLANNED)) {
            given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(request)
                    .post("/api/v1/sample-size").then().statusCode(200);
        }
    }

    @Test
    void theSampleSizeExampleIsWhatTheServiceAnswers() throws Exception {
        JsonNode answered = JSON.readTree(given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialExamples.SAMPLE_SIZE_REQUEST).post("/api/v1/sample-size").then().statusCode(200).extract().asString());
        assertEquals(JSON.readTree(TrialExamples.SAMPLE_SIZE), answered);
    }

    @Test
    void theDraftExampleIsWhatTheServiceAnswersForTheDesignExample() throws Exception {
        ObjectNode answered = (ObjectNode) JSON.readTree(given().auth().oauth2(TestTokens.designer())
                .contentType(ContentType.JSON).body(TrialExamples.DESIGN)
                .post("/api/v1/trials").then().statusCode(201).extract().asString());
        ObjectNode example = (ObjectNode) JSON.readTree(TrialExamples.DRAFT);
        for (String whoAndWhen : List.of("id", "createdBy", "createdAt", "updatedBy", "updatedAt")) {
            answered.remove(whoAndWhen);
            example.remove(whoAndWhen);
        }
        assertEquals(example, answered);
    }

    @Test
    void theConcealedExampleIsWhatAJobcentreReadsOfTheOpenedDesignExample() throws Exception {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialExamples.DESIGN)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id).then().statusCode(200);
        ObjectNode read = (ObjectNode) JSON.readTree(given().auth().oauth2(TestTokens.jobcentre("101"))
                .get("/api/v1/trials/{id}", id).then().statusCode(200).extract().asString());
        ObjectNode example = (ObjectNode) JSON.readTree(TrialExamples.TRIAL_CONCEALED);
        for (String whoAndWhen : List.of("id", "createdBy", "createdAt", "updatedBy", "updatedAt")) {
            read.remove(whoAndWhen);
            example.remove(whoAndWhen);
        }
        assertEquals(example, read);
    }

    private static List<String> notNullable(String schema, String property) {
        JsonNode node = document.at("/components/schemas/" + schema + "/properties/" + property);
        return node.isMissingNode() ? List.of("no such property")
                : OpenApiExamples.violations(document, node, NullNode.getInstance());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }
}
