package dk.trials.outcome.rest;

import dk.trials.outcome.LookTrials;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.outcome.service.UploadsInFlight;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A look on request sent again with its Idempotency-Key gets the first answer (status, Location, report) and takes
 * no second look; the key names one request only, and a request that took no look keeps nothing for its key.
 */
@QuarkusTest
class LookIdempotencyKeyTest extends TestInfrastructure {

    private static final String LOOKS = "/api/v1/trials/{id}/looks";
    private static final String INTERIM = "{\"reason\": \"Planned interim\"}";

    @Inject
    EventCodec codec;
    @Inject
    EnrolmentProjection enrolments;
    @Inject
    OutcomeIngestion ingestion;
    @Inject
    UploadsInFlight uploads;

    private LookTrials trials;
    private LookTrials.Trial trial;

    @BeforeEach
    void aTrialWithJobExitsInBothArms() {
        trials = new LookTrials(codec, enrolments, ingestion);
        trial = trials.open(100, 100);
        trials.ingestBatch(trial.id(), trial.treatment(), 0, 30, "treatment");
        trials.ingestBatch(trial.id(), trial.control(), 0, 28, "control");
    }

    private Response take(String key, String body) {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post(LOOKS, trial.id());
    }

    private List<Object> looksTaken() {
        return given().auth().oauth2(TestTokens.analyst()).get(LOOKS, trial.id())
                .then().statusCode(200).extract().jsonPath().getList("looks.look");
    }

    @Test
    void aRetriedLookTakesOneLookAndGetsTheFirstReportAndLocation() {
        String key = UUID.randomUUID().toString();

        Response first = take(key, INTERIM).then().statusCode(201).extract().response();
        Response retry = take(key, INTERIM).then().statusCode(201).contentType("application/json").extract().response();

        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.asString(), retry.asString(), "the very same report, sha256 and taking time included");
        assertEquals(List.of(1), looksTaken());
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndTakesNoLook() {
        String key = UUID.randomUUID().toString();
        take(key, INTERIM).then().statusCode(201);
        // New information, so that a second look could be taken: the refusal is the key's, not the information's.
        trials.ingestBatch(trial.id(), trial.control(), 28, 40, "more");

        take(key, "{\"reason\": \"Committee asked again\"}").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals(List.of(1), looksTaken());
        take(UUID.randomUUID().toString(), "{\"reason\": \"Committee asked again\"}").then().statusCode(201)
                .body("look", equalTo(2));
    }

    @Test
    void aKeyThatIsNotAKeyIs400AndTakesNoLook() {
        Map<String, String> answers = new TreeMap<>();
        for (String key : List.of("k".repeat(201), "tab\there", "nøgle")) {
            Response answer = take(key, INTERIM);
            answers.put(key.length() > 20 ? "201 characters" : key, answer.statusCode() + " " + answer.path("errors[0].field"));
        }

        assertEquals(Map.of("201 characters", "400 Idempotency-Key", "tab\there", "400 Idempotency-Key",
                "nøgle", "400 Idempotency-Key"), answers);
        assertEquals(List.of(), looksTaken());
        take("k".repeat(200), INTERIM).then().statusCode(201);
    }

    @Test
    void aKeyedLookThatGaveUpOnAnUploadInFlightKeepsNothingSoItsRetryIsTaken() {
        String key = UUID.randomUUID().toString();
        UUID upload = uploads.begin(trial.id());
        try {
            take(key, INTERIM).then().statusCode(503).contentType("application/problem+json");
        } finally {
            uploads.end(upload);
        }

        take(key, INTERIM).then().statusCode(201).body("look", equalTo(1));
        assertEquals(List.of(1), looksTaken());
    }

    @Test
    void twoAttemptsRacingWithOneKeyTakeOneLookAndGetOneAnswer() {
        String key = UUID.randomUUID().toString();

        List<Response> answers = List.of(
                        CompletableFuture.supplyAsync(() -> take(key, INTERIM)),
                        CompletableFuture.supplyAsync(() -> take(key, INTERIM)))
                .stream().map(CompletableFuture::join).toList();

        assertEquals(List.of(201, 201), answers.stream().map(Response::statusCode).toList());
        assertEquals(answers.get(0).asString(), answers.get(1).asString());
        assertEquals(List.of(1), looksTaken());
    }
}
