package dk.trials.enrolment.rest;

import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.ParticipantDataRead;
import dk.trials.enrolment.Trials;
import dk.trials.events.EventType;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every read of participant-level data leaves an audit row: who read what, when; a refused read leaves none. */
@QuarkusTest
class ParticipantDataReadTest {

    @Inject
    EventCodec codec;

    private static List<ParticipantDataRead> readsOf(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> ParticipantDataRead.list("trialId = ?1 order by readAt", trialId));
    }

    @Test
    void readingAnEnrolmentIsAuditedWithWhoAndWhenAndARefusedReadIsNot() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101"))
                .then().statusCode(201).extract().path("enrolmentId");

        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{t}/enrolments/{e}", trialId, enrolmentId)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{t}/enrolments/{e}", trialId, enrolmentId)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.jobcentre("147")).get("/api/v1/trials/{t}/enrolments/{e}", trialId, enrolmentId)
                .then().statusCode(403);

        List<ParticipantDataRead> reads = readsOf(trialId);
        assertEquals(List.of("test-jobcentre-101", "test-analyst"), reads.stream().map(r -> r.readBy).toList());
        for (ParticipantDataRead read : reads) {
            assertEquals(ParticipantDataRead.Subject.ENROLMENT, read.subject);
            assertEquals(UUID.fromString(enrolmentId), read.enrolmentId);
            assertEquals(1, read.participants);
            assertNotNull(read.readAt);
        }
    }

    @Test
    void exportingTheAllocationLogIsAuditedWithTheNumberOfParticipantsItNames() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        for (int i = 0; i < 3; i++) {
            enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101")).then().statusCode(201);
        }
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{t}/allocation-log", trialId)
                .then().statusCode(409);
        assertEquals(List.of(), readsOf(trialId), "a sealed log is not read");

        Trials.publish(codec, EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, design);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{t}/allocation-log", trialId)
                .then().statusCode(200);

        ParticipantDataRead read = readsOf(trialId).get(0);
        assertEquals(List.of(ParticipantDataRead.Subject.ALLOCATION_LOG, 3, "test-admin"),
                List.of(read.subject, read.participants, read.readBy));
        assertNull(read.enrolmentId);
    }
}
