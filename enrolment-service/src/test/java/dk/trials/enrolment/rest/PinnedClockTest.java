package dk.trials.enrolment.rest;

import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every time the service reads comes from the one injected clock, on the Copenhagen calendar. The clock is pinned to
 * 23:30 UTC tomorrow: already the day after in Copenhagen, so a date taken from the system clock or in UTC shows.
 */
@QuarkusTest
@TestProfile(PinnedClockTest.HalfPastElevenUtc.class)
class PinnedClockTest {

    static final Instant PINNED = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC);
    static final LocalDate COPENHAGEN_DAY = LocalDate.ofInstant(PINNED, TrialsClock.ZONE);

    public static class HalfPastElevenUtc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trials.clock.fixed-instant", PINNED.toString());
        }
    }

    @Inject
    EventCodec codec;

    @Test
    void anEnrolmentAndItsWithdrawalAreDatedByTheClockOnTheCopenhagenCalendar() {
        assertNotEquals(LocalDate.ofInstant(PINNED, ZoneOffset.UTC), COPENHAGEN_DAY);
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(25), "101"))
                .then().statusCode(201).body("enrolledAt", equalTo(PINNED.toString()))
                .extract().path("enrolmentId");
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{t}/enrolments/{e}", trialId, enrolmentId)
                .then().statusCode(200).body("enrolledOn", equalTo(COPENHAGEN_DAY.toString()));

        // Today, in Copenhagen, is neither before the enrolment nor in the future.
        given().auth().oauth2(TestTokens.jobcentre("101")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Found work", "date", COPENHAGEN_DAY.toString()))
                .post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, enrolmentId)
                .then().statusCode(200)
                .body("withdrawal.date", equalTo(COPENHAGEN_DAY.toString()))
                .body("withdrawal.recordedAt", equalTo(PINNED.toString()));
    }
}
