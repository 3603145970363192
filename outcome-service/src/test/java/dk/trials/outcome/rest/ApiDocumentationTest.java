package dk.trials.outcome.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.testing.OpenApiConformance;
import dk.trials.testing.OpenApiExamples;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document tells the truth: exactly these operations, each documented (id, description, examples, 401
 * and 403, the Problem schema on every 4xx), concrete types where figures are returned, null where null is returned.
 */
@QuarkusTest
class ApiDocumentationTest extends TestInfrastructure {

    private JsonNode api;

    @BeforeEach
    void readTheDocument() throws Exception {
        api = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void theDocumentListsExactlyTheOperationsOfTheServiceEachDocumented() {
        assertEquals(Set.of(
                        "POST /api/v1/trials/{trialId}/outcomes",
                        "POST /api/v1/trials/{trialId}/outcomes/bulk",
                        "GET /api/v1/trials/{trialId}/outcomes/unmatched",
                        "GET /api/v1/trials/{trialId}/estimates",
                        "GET /api/v1/trials/{trialId}/estimates/history",
                        "GET /api/v1/trials/{trialId}/survival",
                        "GET /api/v1/trials/{trialId}/analysis-set",
                        "POST /api/v1/trials/{trialId}/looks",
                        "GET /api/v1/trials/{trialId}/looks",
                        "GET /api/v1/trials/{trialId}/looks/{look}",
                        "POST /api/v1/trials/{trialId}/looks/{look}/sign-off",
                        "GET /api/v1/trials",
                        "GET /api/v1/trials/{trialId}/reconciliation",
                        "GET /api/v1/trials/{trialId}/uploads/{uploadId}",
                        "GET /api/v1/admin/dead-letters",
                        "POST /api/v1/admin/dead-letters/{topic}/{partition}/{offset}/replay"),
                OpenApiConformance.operations(api).keySet());
        assertEquals(List.of(), OpenApiConformance.shortfalls(api));
    }

    @Test
    void theDocumentNamesItsServerLicenceAndContact() {
        assertEquals("http://127.0.0.1:8083", api.at("/servers/0/url").asText());
        assertEquals("EUPL-1.2", api.at("/info/license/name").asText());
        assertEquals("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12", api.at("/info/license/url").asText());
        assertEquals("Trials platform team", api.at("/info/contact/name").asText());
        assertEquals("trials@example.dk", api.at("/info/contact/email").asText());
    }

    @Test
    void historyPointsCarryTheEstimatesAsTheirOwnTypeAndNoSchemaIsAnUntypedJsonNode() {
        JsonNode schemas = api.at("/components/schemas");
        assertEquals("#/components/schemas/EstimateHistoryPoint", schemas.at("/EstimateHistoryResponse/properties/points/items/$ref").asText());
        assertEquals("#/components/schemas/EstimateResponse", schemas.at("/EstimateHistoryPoint/properties/estimates/$ref").asText());
        List<String> untyped = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("JsonNode") || name.matches(".*\\d$")) {
                untyped.add(name);
            }
        });
        assertEquals(List.of(), untyped, "a JsonNode schema, or a name the generator had to number to keep apart");
    }

    @Test
    void everyFigureThatMayBeNullIsDocumentedAsNullable() {
        JsonNode schemas = api.at("/components/schemas");
        assertEquals(Set.of("estimate", "ci95", "reason"), nullable(schemas.path("Interval")));
        assertEquals(Set.of("estimate", "ci95", "repeatedCi95", "logHazardRatio", "standardError", "pValue", "reason"),
                nullable(schemas.path("HazardRatio")));
        assertEquals(Set.of("chiSquare", "pValue", "z", "observedMinusExpected", "variance", "strata", "reason"),
                nullable(schemas.path("LogRank")));
        assertEquals(Set.of("informationFraction", "informationRate", "boundaryZ", "observedZ", "comparison",
                "comparisons", "plannedEvents", "observedEvents", "alphaSpent", "boundaryMethod", "futility", "lastLook",
                "nextLookAt", "reason"), nullable(schemas.path("MonitoringStatus")));
        assertEquals(Set.of("informationFraction", "boundaryZ", "observedZ", "futility", "plannedEvents"),
                nullable(schemas.path("MonitoringComparison")));
        assertEquals(Set.of("standardError"), nullable(schemas.path("ArmEstimate")));
        assertEquals(Set.of("lower", "upper", "stdErr"), nullable(schemas.path("SurvivalPoint")));
        assertEquals(Set.of("enrolmentId"), nullable(schemas.path("OutcomeReceipt")));
        assertEquals(Set.of("finishedAt"), nullable(schemas.path("UploadProgress")));
        assertEquals(Set.of("look"), nullable(schemas.path("EstimateHistoryPoint")));
        assertEquals(Set.of("cutDate", "reason", "observedZ", "comparison", "sha256", "inputs", "result"),
                nullable(schemas.path("LookReportResponse")));
        assertEquals(Set.of("observedZ", "futilityBound", "conditionalPower", "futile", "hazardRatio", "hazardRatioCi95",
                "hazardRatioRepeatedCi95", "riskDifference", "riskDifferenceCi95", "riskDifferenceRepeatedCi95",
                "logRankChiSquare", "logRankPValue"), nullable(schemas.path("LookComparisonFigures")));
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() {
        assertEquals(List.of(), OpenApiExamples.invalid(api));
    }

    @Test
    void theBulkFileExampleIsTheNdjsonTextTheOperationTakes() {
        JsonNode example = api.at("/paths/~1api~1v1~1trials~1{trialId}~1outcomes~1bulk/post/requestBody/content/"
                + "application~1x-ndjson/examples/twoLines/value");
        assertTrue(example.isTextual(), example.toString());
        assertEquals(2, example.asText().strip().lines().count());
    }

    private static Set<String> nullable(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode type = property.getValue().path("type");
            boolean nullType = type.isArray() && type.toString().contains("\"null\"");
            if (nullType || property.getValue().path("nullable").asBoolean(false)) {
                names.add(property.getKey());
            }
        });
        return names;
    }
}
