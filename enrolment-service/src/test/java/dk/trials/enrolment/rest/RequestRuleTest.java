package dk.trials.enrolment.rest;

import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The one rule for 400 and 422 on every endpoint that takes a body: 400 when the request cannot be read (malformed
 * JSON, a wrong JSON type, an unparsable date, a required field missing); 422 when it is read but breaks a rule
 * (range, size, a CPR number that is no CPR number).
 */
@QuarkusTest
class RequestRuleTest {

    private static final String MALFORMED = "urn:trials:problem:malformed";
    private static final String MISSING = "urn:trials:problem:validation";
    private static final String BREAKS_A_RULE = "urn:trials:problem:unprocessable";

    @Inject
    EventCodec codec;

    private static ValidatableResponse post(String path, Object body, Object... ids) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/trials/" + path, ids)
                .then().contentType("application/problem+json");
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.remove(field);
        return changed;
    }

    @Test
    void anEnrolmentThatCannotBeReadIs400AndOneThatBreaksARuleIs422() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        Map<String, Object> valid = citizen(Citizens.aged(22), "101");

        post("{id}/enrolments", "{\"cpr\": \"0101991234\", ", trialId)
                .statusCode(400).body("type", equalTo(MALFORMED));
        post("{id}/enrolments", with(valid, "weeksUnemployed", "three"), trialId)
                .statusCode(400).body("type", equalTo(MALFORMED)).body("errors.field", equalTo(List.of("weeksUnemployed")));
        post("{id}/enrolments", without(valid, "jobcentre"), trialId)
                .statusCode(400).body("type", equalTo(MISSING)).body("errors.field", hasItem("jobcentre"));
        post("{id}/enrolments", without(valid, "cpr"), trialId)
                .statusCode(400).body("type", equalTo(MISSING)).body("errors.field", hasItem("cpr"));

        post("{id}/enrolments", with(valid, "weeksUnemployed", -1), trialId)
                .statusCode(422).body("type", equalTo(BREAKS_A_RULE)).body("errors.field", equalTo(List.of("weeksUnemployed")));
        post("{id}/enrolments", with(valid, "jobcentre", " "), trialId)
                .statusCode(422).body("type", equalTo(BREAKS_A_RULE)).body("errors.field", equalTo(List.of("jobcentre")));
        post("{id}/enrolments", with(valid, "cpr", "3102991234"), trialId)
                .statusCode(422).body("type", equalTo(BREAKS_A_RULE)).body("errors.field", equalTo(List.of("cpr")));
    }

    @Test
    void aWithdrawalWithAnUnparsableDateIs400AndOneWithAnOverlongReasonIs422() {
        UUID trialId = UUID.randomUUID();
        UUID enrolmentId = UUID.randomUUID();
        post("{t}/enrolments/{e}/withdrawal", Map.of("reason", "Moved", "date", "2027-02-31"), trialId, enrolmentId)
                .statusCode(400).body("type", equalTo(MALFORMED)).body("errors.field", equalTo(List.of("date")));
        post("{t}/enrolments/{e}/withdrawal", Map.of("date", "2027-02-01"), trialId, enrolmentId)
                .statusCode(400).body("type", equalTo(MISSING)).body("errors.field", hasItem("reason"));

        post("{t}/enrolments/{e}/withdrawal", Map.of("reason", "x".repeat(501), "date", "2027-02-01"), trialId, enrolmentId)
                .statusCode(422).body("type", equalTo(BREAKS_A_RULE)).body("errors.field", equalTo(List.of("reason")));
        post("{t}/enrolments/{e}/withdrawal", Map.of("reason", "  ", "date", "2027-02-01"), trialId, enrolmentId)
                .statusCode(422).body("type", equalTo(BREAKS_A_RULE)).body("errors.field", equalTo(List.of("reason")));
    }

    @Test
    void anImportWithoutItsLinesOrALineWithoutItsDateIs400AndAnEmptyOrOutOfRangeOneIs422() {
        UUID trialId = UUID.randomUUID();
        Map<String, Object> line = Map.of("cpr", Citizens.aged(30), "jobcentre", "101", "arm", "control",
                "enrolledOn", "2026-03-02");

        post("{id}/enrolments/import", Map.of(), trialId)
                .statusCode(400).body("type", equalTo(MISSING)).body("errors.field", equalTo(List.of("enrolments")));
        post("{id}/enrolments/import", Map.of("enrolments", List.of(without(line, "enrolledOn"))), trialId)
                .statusCode(400).body("type", equalTo(MISSING)).body("errors.field", equalTo(List.of("enrolments[0].enrolledOn")));
        post("{id}/enrolments/import", Map.of("enrolments", List.of(with(line, "enrolledOn", "last spring"))), trialId)
                .statusCode(400).body("type", equalTo(MALFORMED)).body("errors.field", equalTo(List.of("enrolments[0].enrolledOn")));

        post("{id}/enrolments/import", Map.of("enrolments", List.of()), trialId)
                .statusCode(422).body("type", equalTo(BREAKS_A_RULE)).body("errors.field", equalTo(List.of("enrolments")));
        post("{id}/enrolments/import", Map.of("enrolments", List.of(with(line, "weeksUnemployed", -3))), trialId)
                .statusCode(422).body("type", equalTo(BREAKS_A_RULE))
                .body("errors.field", equalTo(List.of("enrolments[0].weeksUnemployed")));
    }
}
