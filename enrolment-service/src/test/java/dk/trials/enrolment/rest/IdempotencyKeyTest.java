package dk.trials.enrolment.rest;

import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.EnrolmentImport;
import dk.trials.enrolment.Trials;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A withdrawal or an import sent again with its Idempotency-Key gets the first answer and has no second effect; the
 * key is the caller's own, for one operation, and names one request only.
 */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    EventCodec codec;
    @Inject
    EntityManager entityManager;

    private static Response withdraw(UUID trialId, String enrolmentId, String token, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, enrolmentId);
    }

    private static Response importBatch(UUID trialId, String key, List<Map<String, Object>> lines) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("enrolments", lines)).post("/api/v1/trials/{id}/enrolments/import", trialId);
    }

    private String enrolled(UUID trialId) {
        return enrol(trialId, TestTokens.jobcentre("147"), citizen(Citizens.aged(23), "147"))
                .then().statusCode(201).extract().path("enrolmentId");
    }

    @Test
    void aRetriedWithdrawalGetsTheFirstAnswerNotAConflict() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrolled(trialId);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("reason", "Moved abroad", "date", LocalDate.now(Citizens.COPENHAGEN).toString());

        String first = withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), key, body)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        String retry = withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), key, body)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();

        assertEquals(first, retry, "the very same body, withdrawal time included");
        withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), null, body).then().statusCode(409);
        withdraw(trialId, enrolmentId, TestTokens.admin(), key, body)
                .then().statusCode(409).body("status", equalTo(409));
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndChangesNothing() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrolled(trialId);
        String key = "withdrawal-" + UUID.randomUUID();
        String today = LocalDate.now(Citizens.COPENHAGEN).toString();
        withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), key, Map.of("reason", "Moved", "date", today))
                .then().statusCode(200);

        withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), key, Map.of("reason", "Found a job", "date", today))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));

        assertEquals("Moved", QuarkusTransaction.requiringNew()
                .call(() -> Enrolment.<Enrolment>findById(UUID.fromString(enrolmentId)).withdrawalReason));
    }

    @Test
    void aKeyLongerThan200CharactersOrNotPrintableAsciiIs400AndChangesNothing() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrolled(trialId);
        Map<String, Object> body = Map.of("reason", "Moved", "date", LocalDate.now(Citizens.COPENHAGEN).toString());

        Map<String, String> answers = new TreeMap<>();
        for (String key : List.of("k".repeat(201), "tab\there", "nøgle")) {
            Response answer = withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), key, body);
            answers.put(key.length() > 20 ? "201 characters" : key, answer.statusCode() + " " + answer.path("errors[0].field"));
        }

        assertEquals(Map.of("201 characters", "400 Idempotency-Key",
                "tab\there", "400 Idempotency-Key", "nøgle", "400 Idempotency-Key"), answers);

        assertNull(QuarkusTransaction.requiringNew()
                .call(() -> Enrolment.<Enrolment>findById(UUID.fromString(enrolmentId)).withdrawnOn));
        withdraw(trialId, enrolmentId, TestTokens.jobcentre("147"), "k".repeat(200), body).then().statusCode(200);
    }

    @Test
    void aRetriedImportGetsTheFirstCountsAndIsAuditedOnce() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        LocalDate enrolledOn = LocalDate.now(Citizens.COPENHAGEN).minusDays(20);
        List<Map<String, Object>> lines = List.of(
                Map.of("cpr", Citizens.aged(25), "jobcentre", "101", "arm", "control", "enrolledOn", enrolledOn.toString()),
                Map.of("cpr", Citizens.aged(26), "jobcentre", "751", "arm", "treatment", "enrolledOn", enrolledOn.toString()));
        String key = UUID.randomUUID().toString();

        importBatch(trialId, key, lines).then().statusCode(200).body("imported", equalTo(2)).body("alreadyEnrolled", equalTo(0));
        importBatch(trialId, key, lines).then().statusCode(200).body("imported", equalTo(2)).body("alreadyEnrolled", equalTo(0));

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> EnrolmentImport.count("trialId", trialId)));
        importBatch(trialId, UUID.randomUUID().toString(), lines)
                .then().statusCode(200).body("imported", equalTo(0)).body("alreadyEnrolled", equalTo(2));
    }

    @Test
    void twoAttemptsRacingWithOneKeyTakeEffectOnceAndGetOneAnswer() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        LocalDate enrolledOn = LocalDate.now(Citizens.COPENHAGEN).minusDays(20);
        List<Map<String, Object>> lines = List.of(
                Map.of("cpr", Citizens.aged(31), "jobcentre", "101", "arm", "control", "enrolledOn", enrolledOn.toString()));
        String key = UUID.randomUUID().toString();

        List<String> answers = List.of(
                        CompletableFuture.supplyAsync(() -> importBatch(trialId, key, lines)),
                        CompletableFuture.supplyAsync(() -> importBatch(trialId, key, lines)))
                .stream().map(CompletableFuture::join)
                .map(r -> r.then().statusCode(200).extract().asString()).toList();

        assertEquals(answers.get(0), answers.get(1));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> EnrolmentImport.count("trialId", trialId)));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from idempotent_request where idempotency_key = :key")
                .setParameter("key", key).getSingleResult()).longValue()));
    }
}
