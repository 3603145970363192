package dk.trials.enrolment.rest;

import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.EnrolmentImport;
import dk.trials.enrolment.Trials;
import dk.trials.events.EventType;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every value at the edge is bounded and every closed set is closed: out of bounds is a 400 or 422 naming the field,
 * never a 500, never an echo of the value, and it changes nothing.
 */
@QuarkusTest
class InputBoundsTest {

    /** Issued, so that the suite's leak scan looks for it everywhere afterwards. */
    private static final String CPR_IN_A_FIELD = Citizens.aged(30);

    @Inject
    EventCodec codec;

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static ValidatableResponse importBatch(UUID trialId, Object body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/trials/{id}/enrolments/import", trialId).then().contentType("application/problem+json");
    }

    private static Map<String, Object> line(String cpr, LocalDate enrolledOn) {
        return Map.of("cpr", cpr, "jobcentre", "101", "arm", "control", "enrolledOn", enrolledOn.toString());
    }

    private static long enrolments(UUID trialId) {
        return QuarkusTransaction.requiringNew().call(() -> Enrolment.count("trialId", trialId));
    }

    @Test
    void aBenefitTypeOutsideTheClosedSetIsRefusedWithoutEchoAndNeverStoredInAStratum() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.blocks(List.of(4, 6), StratificationFactor.BENEFIT_TYPE),
                Trials.ONE_TO_ONE));
        Map<String, Object> valid = citizen(Citizens.aged(22), "101");

        for (String outside : List.of(CPR_IN_A_FIELD, "dagpenge", "DAGPENGE ", "x".repeat(400))) {
            enrol(trialId, TestTokens.jobcentre("101"), with(valid, "benefitType", outside))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("benefitType")))
                    .body("errors[0].message", containsString("must be one of DAGPENGE, KONTANTHJAELP"))
                    .body(not(containsString(outside)));
        }
        assertEquals(0, enrolments(trialId));
        enrol(trialId, TestTokens.jobcentre("101"), valid).then().statusCode(201)
                .body("stratum", equalTo("benefitType=DAGPENGE"));
    }

    @Test
    void weeksUnemployedAndTheJobcentreAreBoundedAndNeitherIsEchoed() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        Map<String, Object> valid = citizen(Citizens.aged(22), "101");

        for (Object weeks : List.of(2601, Integer.MAX_VALUE)) {
            enrol(trialId, TestTokens.admin(), with(valid, "weeksUnemployed", weeks))
                    .then().statusCode(422).body("errors.field", equalTo(List.of("weeksUnemployed")));
        }
        for (String jobcentre : List.of(CPR_IN_A_FIELD, "10", "1011", "abc")) {
            enrol(trialId, TestTokens.admin(), with(valid, "jobcentre", jobcentre))
                    .then().statusCode(422).body("errors.field", equalTo(List.of("jobcentre")))
                    .body(not(containsString(CPR_IN_A_FIELD)));
        }
        enrol(trialId, TestTokens.jobcentre("860"), with(valid, "jobcentre", "860"))
                .then().statusCode(403).body(not(containsString("860")));
        assertEquals(0, enrolments(trialId));
    }

    @Test
    void aWithdrawalDateOutsideTheCalendarIsRefusedNamingTheDate() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(22), "101"))
                .then().statusCode(201).extract().path("enrolmentId");
        for (String date : List.of("0000-01-01", "-5000-01-01", "+10000-01-01", "1899-12-31", "2101-01-01")) {
            given().auth().oauth2(TestTokens.jobcentre("101")).contentType(ContentType.JSON)
                    .body(Map.of("reason", "Moved", "date", date))
                    .post("/api/v1/trials/{t}/enrolments/{e}/withdrawal", trialId, enrolmentId)
                    .then().statusCode(oneOf(400, 422)).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("date")));
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() ->
                Enrolment.count("id = ?1 and withdrawnOn is not null", UUID.fromString(enrolmentId))));
    }

    @Test
    void anImportedDateIsNeitherBeforeTheCitizensBirthNorBeforeTheTrialsEnrolmentPeriodNorOutsideTheCalendar() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        LocalDate periodStart = LocalDate.now(Citizens.COPENHAGEN).minusDays(30);
        // Born nine days ago (the CPR office's 7th digit 4 puts year 26 in the 2000s): enrolled before birth.
        String newborn = LocalDate.now(Citizens.COPENHAGEN).minusDays(9).format(DateTimeFormatter.ofPattern("ddMMyy")) + "4999";

        importBatch(trialId, Map.of("enrolments", List.of(
                line(Citizens.aged(25), periodStart.minusDays(1)),
                line(newborn, LocalDate.now(Citizens.COPENHAGEN).minusDays(10)),
                line(Citizens.aged(25), periodStart))))
                .statusCode(422)
                .body("errors.field", equalTo(List.of("enrolments[0].enrolledOn", "enrolments[1].enrolledOn")))
                .body(not(containsString(newborn.substring(0, 6))));
        for (String date : List.of("0000-01-01", "-5000-01-01", "2101-01-01")) {
            importBatch(trialId, Map.of("enrolments", List.of(with(line(Citizens.aged(25), periodStart), "enrolledOn", date))))
                    .statusCode(oneOf(400, 422)).body("errors.field", equalTo(List.of("enrolments[0].enrolledOn")));
        }
        assertEquals(0, enrolments(trialId));
    }

    @Test
    void anImportNamesNoValueItWasSent() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        LocalDate yesterday = LocalDate.now(Citizens.COPENHAGEN).minusDays(1);
        importBatch(trialId, Map.of("enrolments", List.of(
                with(line(Citizens.aged(25), yesterday), "arm", "placebo-" + CPR_IN_A_FIELD),
                with(line(Citizens.aged(25), yesterday), "arm", "placebo"),
                with(line(Citizens.aged(25), yesterday), "jobcentre", "860"),
                with(line(Citizens.aged(25), yesterday), "benefitType", CPR_IN_A_FIELD))))
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("enrolments[0].arm", "enrolments[3].benefitType"))
                .body(not(containsString(CPR_IN_A_FIELD)));
        importBatch(trialId, Map.of("enrolments", List.of(
                with(line(Citizens.aged(25), yesterday), "arm", "placebo"),
                with(line(Citizens.aged(25), yesterday), "jobcentre", "860"))))
                .statusCode(422)
                .body("errors.field", equalTo(List.of("enrolments[0].arm", "enrolments[1].jobcentre")))
                .body(not(containsString("placebo"))).body(not(containsString("860")));
        assertEquals(0, enrolments(trialId));
    }

    @Test
    void anImportOfMoreThanFiftyThousandLinesIsRefusedWhole() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        Map<String, Object> one = line(Citizens.aged(25), LocalDate.now(Citizens.COPENHAGEN).minusDays(1));
        importBatch(trialId, Map.of("enrolments", Collections.nCopies(50_001, one)))
                .statusCode(422).body("errors.field", equalTo(List.of("enrolments")));
        assertEquals(0, enrolments(trialId));
    }

    @Test
    void anImportMayBeLargerThanTheOneMebibyteOfOtherBodies() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String line = """
                {"cpr": "%s", "jobcentre": "101", "arm": "control", "enrolledOn": "%s"}""".formatted(
                Citizens.aged(25), LocalDate.now(Citizens.COPENHAGEN).minusDays(1));
        // Whitespace is legal JSON: one line padded to 2 MiB, twice the limit of every other body (16 MiB here, 413
        // beyond: quarkus.http.limits.max-body-size).
        String body = "{\"enrolments\": [" + line + " ".repeat(2 * 1024 * 1024) + "]}";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/trials/{id}/enrolments/import", trialId)
                .then().statusCode(200).body("imported", equalTo(1));
    }

    @Test
    void aDraftOrCompletedTrialTakesOverNoAllocations() {
        TrialDesign design = Trials.design(Trials.simple(), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        Trials.publish(codec, EventType.TRIAL_AMENDED, trialId, TrialStatus.DRAFT, design);
        importBatch(trialId, Map.of("enrolments", List.of(line(Citizens.aged(25), LocalDate.now(Citizens.COPENHAGEN)))))
                .statusCode(409);
        assertEquals(0, enrolments(trialId));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> EnrolmentImport.count("trialId", trialId)));
    }
}
