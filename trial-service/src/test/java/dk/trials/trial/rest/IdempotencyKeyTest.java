package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialAmendment;
import dk.trials.trial.TrialDesigns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Creating a trial and amending one have no natural key: sent again with its Idempotency-Key, the request gets the
 * first answer (status, Location, body) and has no second effect; the key names one request only.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String AMENDMENT = """
            {"reason": "Aalborg joins", "addJobcentres": ["851"]}""";

    private static Response create(String key, String design) {
        var request = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/trials");
    }

    private static Response amend(String trialId, String key, String amendment) {
        return given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(amendment)
                .header("Idempotency-Key", key).post("/api/v1/trials/{id}/amendments", trialId);
    }

    private static String titled(String title) {
        return TrialDesigns.rct(d -> d.put("title", title));
    }

    private static long trialsTitled(String title) {
        return QuarkusTransaction.requiringNew().call(() -> Trial.count("title", title));
    }

    private static long amendmentsOf(String trialId) {
        return QuarkusTransaction.requiringNew().call(() -> TrialAmendment.count("trialId", UUID.fromString(trialId)));
    }

    @Test
    void aRetriedCreationMakesOneTrialAndGetsTheFirstBodyAndLocation() {
        String title = "Retried creation " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        Response first = create(key, titled(title)).then().statusCode(201).extract().response();
        Response retry = create(key, titled(title)).then().statusCode(201).extract().response();

        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.asString(), retry.asString(), "the very same body, creation time included");
        assertEquals(1L, trialsTitled(title));
        given().auth().oauth2(TestTokens.analyst()).get(first.header("Location"))
                .then().statusCode(200).body("title", equalTo(title));
        create(null, titled(title)).then().statusCode(201);
        assertEquals(2L, trialsTitled(title), "without a key every request is a new trial");
    }

    @Test
    void theSameKeyWithAnotherDesignIs422AndCreatesNothing() {
        String title = "First design " + UUID.randomUUID();
        String other = "Other design " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        create(key, titled(title)).then().statusCode(201);

        create(key, titled(other)).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(0L, trialsTitled(other));
        assertEquals(1L, trialsTitled(title));
    }

    @Test
    void aKeyThatIsNotAKeyIs400AndCreatesNothing() {
        String title = "Bad keys " + UUID.randomUUID();

        Map<String, String> answers = new TreeMap<>();
        for (String key : List.of("k".repeat(201), "tab\there", "nøgle")) {
            Response answer = create(key, titled(title));
            answers.put(key.length() > 20 ? "201 characters" : "'" + key + "'",
                    answer.statusCode() + " " + answer.path("errors[0].field"));
        }

        assertEquals(Map.of("201 characters", "400 Idempotency-Key", "'tab\there'", "400 Idempotency-Key",
                "'nøgle'", "400 Idempotency-Key"), answers);
        assertEquals(0L, trialsTitled(title));
        create("k".repeat(200), titled(title)).then().statusCode(201);
    }

    @Test
    void aRetriedAmendmentIsNumberedOnceAndGetsTheFirstAnswer() {
        String trialId = AmendmentTest.openTrial();
        String key = UUID.randomUUID().toString();

        Response first = amend(trialId, key, AMENDMENT).then().statusCode(201).extract().response();
        Response retry = amend(trialId, key, AMENDMENT).then().statusCode(201).extract().response();

        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.asString(), retry.asString(), "the very same body, amendment time included");
        assertEquals(1L, amendmentsOf(trialId));
        // Without the key the same body is a second amendment, refused as it changes nothing now.
        AmendmentTest.amend(trialId, AMENDMENT).statusCode(422);
    }

    @Test
    void anAmendmentsKeyWithAnotherAmendmentOrAnotherTrialIs422AndChangesNothing() {
        String trialId = AmendmentTest.openTrial();
        String otherTrial = AmendmentTest.openTrial();
        String key = UUID.randomUUID().toString();
        amend(trialId, key, AMENDMENT).then().statusCode(201);

        amend(trialId, key, """
                {"reason": "Odense joins", "addJobcentres": ["461"]}""")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        amend(otherTrial, key, AMENDMENT).then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(1L, amendmentsOf(trialId));
        assertEquals(0L, amendmentsOf(otherTrial));
    }

    @Test
    void anAmendmentWithAKeyThatIsNotAKeyIs400AndChangesNothing() {
        String trialId = AmendmentTest.openTrial();

        amend(trialId, "k".repeat(201), AMENDMENT).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(0L, amendmentsOf(trialId));
    }
}
