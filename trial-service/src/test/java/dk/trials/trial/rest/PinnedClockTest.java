package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** Every time the service records is read from the one clock, so pinning the clock pins them all. */
@QuarkusTest
@TestProfile(PinnedClockTest.Pinned.class)
class PinnedClockTest {

    static final String NOW = "2026-01-15T09:30:00Z";

    public static class Pinned implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trials.clock.fixed-instant", NOW);
        }
    }

    @Test
    void creationStepsAmendmentsAndTheAuditTrailCarryTheClocksTime() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201)
                .body("createdAt", equalTo(NOW))
                .body("updatedAt", equalTo(NOW))
                .extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200).body("updatedAt", equalTo(NOW));
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body("{\"reason\": \"More participants\", \"plannedParticipants\": 2500}")
                .post("/api/v1/trials/{id}/amendments", id)
                .then().statusCode(201).body("amendedAt", equalTo(NOW));

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/audit", id)
                .then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "OPENED", "AMENDED")))
                .body("at", everyItem(equalTo(NOW)));
    }
}
