package dk.trials.trial.security;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trials.testing.ApiOperation;
import dk.trials.testing.ApiRequest;
import dk.trials.testing.TestTokens;
import io.restassured.http.ContentType;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * Each operation's documented example made concrete: a trial made for the request alone from the documented design
 * (left in DRAFT where the operation needs one, opened otherwise) and a jobcentre that exists; everything else as the
 * OpenAPI document shows it.
 */
final class DocumentedRequests {

    static final String OWN = "101";
    static final String OTHER = "147";
    /** The operations that need a trial in DRAFT: editing a design and opening it. */
    private static final Set<String> ON_A_DRAFT = Set.of("PUT /api/v1/trials/{id}", "POST /api/v1/trials/{id}/open");

    private final JsonNode design;

    DocumentedRequests(JsonNode openApi) {
        this.design = ApiOperation.all(openApi).stream()
                .filter(operation -> operation.name().equals("POST /api/v1/trials"))
                .findFirst().orElseThrow().exampleBody().orElseThrow().getValue();
    }

    ApiRequest forFreshTrial(ApiOperation operation) {
        String trialId = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design.toString())
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        if (!ON_A_DRAFT.contains(operation.name())) {
            given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", trialId).then().statusCode(200);
        }
        return ApiRequest.example(operation, Map.of("id", trialId, "code", "461", "number", "1"));
    }
}
