package dk.trials.outcome.rest;

import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.config.PendingOutcomesConfig;
import dk.trials.outcome.service.PendingOutcomeExpiry;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a jobcentre's outcomes for people who are not its participants leave behind: at most its cap of waiting
 * outcomes (one more is 429 and kept nowhere), and nothing once they have waited longer than the expiry. An admin's
 * waiting outcomes have neither limit.
 */
@QuarkusTest
class PendingOutcomeLimitsTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;
    @Inject
    PendingOutcomeExpiry expiry;
    @Inject
    PendingOutcomesConfig config;

    private UUID trialId;

    @BeforeEach
    void openTrial() {
        trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), 400);
    }

    @Test
    void aJobcentreKeepsAtMostItsCapOfOutcomesWaitingAndOneMoreIsRefusedWith429AndNotKept() throws Exception {
        UUID own = UUID.randomUUID();
        Events.enrol(codec, Events.enrolled(trialId, own, "limits-own-" + own, "control", "861", TODAY.minusDays(30))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.participants(trialId) == 1);
        int cap = config.perJobcentre();
        StringBuilder upToTheCap = new StringBuilder();
        for (int i = 1; i < cap; i++) {
            upToTheCap.append(line(UUID.randomUUID(), "up-to-the-cap-" + i));
        }
        given().auth().oauth2(TestTokens.jobcentre("861")).contentType("application/x-ndjson")
                .body(upToTheCap.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/trials/{id}/outcomes/bulk", trialId)
                .then().statusCode(200).body("pending", equalTo(cap - 1));
        post(TestTokens.jobcentre("861"), UUID.randomUUID(), "cap-last").then().statusCode(202);
        post(TestTokens.jobcentre("861"), UUID.randomUUID(), "cap-over").then().statusCode(429)
                .contentType("application/problem+json").body("type", equalTo("urn:trials:problem:too-many-pending"));
        // Its own participants still count, another jobcentre has its own cap, and an admin's outcomes have none.
        post(TestTokens.jobcentre("861"), own, "cap-own").then().statusCode(201);
        post(TestTokens.jobcentre("862"), UUID.randomUUID(), "cap-862").then().statusCode(202);
        post(TestTokens.admin(), UUID.randomUUID(), "cap-admin").then().statusCode(202);
        // In a bulk file the lines beyond the cap are rejected by number; the file is answered 200.
        String file = line(UUID.randomUUID(), "cap-bulk-1") + line(own, "cap-bulk-2");
        given().auth().oauth2(TestTokens.jobcentre("861")).contentType("application/x-ndjson")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/trials/{id}/outcomes/bulk", trialId)
                .then().statusCode(200).body("accepted", equalTo(1)).body("pending", equalTo(0))
                .body("rejections.line", equalTo(List.of(1)));

        assertEquals(cap, waiting("861"));
        assertEquals(0, kept("cap-over") + kept("cap-bulk-1"));
    }

    @Test
    void aJobcentresOutcomesThatWaitedLongerThanTheExpiryAreDeletedAndAnAdminsAreKept() {
        post(TestTokens.jobcentre("863"), UUID.randomUUID(), "expire-1").then().statusCode(202);
        post(TestTokens.jobcentre("863"), UUID.randomUUID(), "expire-2").then().statusCode(202);
        post(TestTokens.admin(), UUID.randomUUID(), "expire-admin").then().statusCode(202);

        expiry.expireAt(Instant.now().plus(Duration.ofDays(29)));
        assertEquals(2, waiting("863"), "not yet 30 days");

        expiry.expireAt(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60));
        assertEquals(0, waiting("863"));
        assertEquals(1, kept("expire-admin"));
    }

    private io.restassured.response.Response post(String token, UUID enrolmentId, String sourceId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("enrolmentId", enrolmentId.toString(), "type", "JOB_EXIT",
                        "occurredOn", TODAY.minusDays(1).toString(), "source", "DREAM", "sourceId", sourceId))
                .post("/api/v1/trials/{id}/outcomes", trialId);
    }

    private static String line(UUID enrolmentId, String sourceId) {
        return "{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"JOB_EXIT\",\"occurredOn\":\"" + TODAY.minusDays(1)
                + "\",\"source\":\"DREAM\",\"sourceId\":\"" + sourceId + "\"}\n";
    }

    private long waiting(String jobcentre) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) TrialPlan.getEntityManager()
                .createNativeQuery("select count(*) from outcome where trial_id = ?1 and reported_by_jobcentre = ?2"
                        + " and status = 'PENDING_ENROLMENT'", Long.class)
                .setParameter(1, trialId).setParameter(2, jobcentre).getSingleResult());
    }

    private long kept(String sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) TrialPlan.getEntityManager()
                .createNativeQuery("select count(*) from outcome where trial_id = ?1 and source_id = ?2", Long.class)
                .setParameter(1, trialId).setParameter(2, sourceId).getSingleResult());
    }
}
