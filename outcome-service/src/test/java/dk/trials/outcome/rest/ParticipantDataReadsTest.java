package dk.trials.outcome.rest;

import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.outcome.Events;
import dk.trials.outcome.TestInfrastructure;
import dk.trials.outcome.TrialPlan;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every read of participant-level data leaves an audit row: who read, which operation on which trial, when, and how
 * many participants or outcomes the answer named; never a CPR number or a pseudonym. A refused read leaves none.
 */
@QuarkusTest
class ParticipantDataReadsTest extends TestInfrastructure {

    private static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);

    @Inject
    EventCodec codec;

    @Test
    void readingTheOutcomesWaitingForTheirParticipantIsAuditedWithWhoWhatWhenAndHowMany() {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
        for (String sourceId : List.of("audit-1", "audit-2")) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("enrolmentId", UUID.randomUUID().toString(), "type", "JOB_EXIT",
                            "occurredOn", TODAY.toString(), "source", "DREAM", "sourceId", sourceId))
                    .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(202);
        }
        Instant before = Instant.now().minusSeconds(1);
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}/outcomes/unmatched", trialId)
                .then().statusCode(403);
        assertEquals(List.of(), reads(trialId), "a refused read reads nothing and leaves no row");

        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/outcomes/unmatched", trialId)
                .then().statusCode(200);

        List<Object[]> rows = reads(trialId);
        assertEquals(1, rows.size());
        assertEquals("test-analyst", rows.get(0)[0]);
        assertEquals("listUnmatchedOutcomes", rows.get(0)[1]);
        assertEquals(2, ((Number) rows.get(0)[2]).intValue());
        assertTrue(readBetween(trialId, before, Instant.now().plusSeconds(1)), "read_at is when it was read");
    }

    @Test
    void readingTheReconciliationThatNamesParticipantsIsAudited() throws Exception {
        UUID trialId = Events.openTrial(codec, Events.design(Events.arms("treatment", "control"), 26), null);
        LocalDate enrolledOn = TODAY.minusDays(3);
        Events.enrol(codec, Events.numbered(Events.enrolled(trialId, UUID.randomUUID(), "audit-a", "treatment", "101", enrolledOn), 1)).get();
        Events.enrol(codec, Events.numbered(Events.enrolled(trialId, UUID.randomUUID(), "audit-b", "treatment", "101", enrolledOn), 1)).get();
        var sent = Events.checkpoint(codec, new AllocationCheckpoint(trialId, 1, Map.of("treatment", 1L), 0, Instant.now(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.processed(sent.eventId()));

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/reconciliation", trialId)
                .then().statusCode(200);

        List<Object[]> rows = reads(trialId);
        assertEquals(1, rows.size());
        assertEquals("test-admin", rows.get(0)[0]);
        assertEquals("getReconciliation", rows.get(0)[1]);
        assertEquals(1, ((Number) rows.get(0)[2]).intValue(), "the one extra participant it names");
    }

    private static boolean readBetween(UUID trialId, Instant from, Instant to) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) TrialPlan.getEntityManager()
                .createNativeQuery("select bool_and(read_at between ?2 and ?3) from participant_data_read where trial_id = ?1",
                        Boolean.class)
                .setParameter(1, trialId).setParameter(2, from.atOffset(ZoneOffset.UTC))
                .setParameter(3, to.atOffset(ZoneOffset.UTC)).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> reads(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> TrialPlan.getEntityManager()
                .createNativeQuery("select reader, operation, records from participant_data_read"
                        + " where trial_id = ?1 order by id")
                .setParameter(1, trialId).getResultList());
    }
}
