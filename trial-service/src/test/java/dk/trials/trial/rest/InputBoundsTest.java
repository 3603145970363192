package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.trials.testing.TestTokens;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialAmendment;
import dk.trials.trial.TrialAuditEntry;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Stream;

import static dk.trials.trial.TrialDesigns.object;
import static dk.trials.trial.TrialDesigns.rct;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No input gives a 5xx: every number, string, list and date a caller sends is bounded where it arrives, so that
 * nothing computed from it later (a total weight, a block, a row offset, the first enrolment) can fail. Out of bounds
 * is a problem naming the field, 400 when unreadable and 422 when out of range, and changes nothing. A value typed
 * into a field, such as a CPR number, is never repeated in the answer.
 */
@QuarkusTest
class InputBoundsTest {

    /** A CPR-like number (a valid date, 1 January 1999): whatever field it is typed into, it is never answered back. */
    private static final String CPR = "0101991234";

    static Stream<Arguments> outOfBounds() {
        return Stream.of(
                // Weights and blocks: bounded so that the total weight cannot overflow and every block can be drawn.
                outside("four arms of weight 2^30, whose sum overflows", rct(d -> {
                    arms(d).add(object("{\"code\": \"third\", \"name\": \"Third\", \"allocationWeight\": 1}"));
                    arms(d).add(object("{\"code\": \"fourth\", \"name\": \"Fourth\", \"allocationWeight\": 1}"));
                    arms(d).forEach(a -> ((ObjectNode) a).put("allocationWeight", 1 << 30));
                }), 422, "arms[0].allocationWeight", "less than or equal to 100"),
                outside("the largest int as a weight", rct(d -> arm(d, 0).put("allocationWeight", Integer.MAX_VALUE)),
                        422, "arms[0].allocationWeight", "less than or equal to 100"),
                outside("a weight beyond any int", rct(d -> arm(d, 0).put("allocationWeight", 1L << 40)),
                        400, "arms[0].allocationWeight", "wrong type"),
                outside("a block of two thousand million", rct(d -> blockSizes(d).set(0, IntNode.valueOf(2_000_000_000))),
                        422, "randomisation.blockSizes[0]", "less than or equal to 100"),
                outside("a block written 2e9", rct(d -> blockSizes(d).set(0, DoubleNode.valueOf(2e9))),
                        400, "randomisation.blockSizes[0]", "wrong type"),
                outside("a block of 102, a multiple of the weights but too large", rct(d -> blockSizes(d).set(0, IntNode.valueOf(102))),
                        422, "randomisation.blockSizes[0]", "less than or equal to 100"),
                outside("a negative block", rct(d -> blockSizes(d).set(0, IntNode.valueOf(-4))),
                        422, "randomisation.blockSizes[0]", "greater than 0"),
                outside("twenty-one arms", rct(d -> {
                    for (int i = 3; i <= 21; i++) {
                        arms(d).add(object("{\"code\": \"arm" + i + "\", \"name\": \"Arm " + i + "\", \"allocationWeight\": 1}"));
                    }
                }), 422, "arms", "size must be between 0 and 20"),
                // Counts, ages and durations
                outside("the largest int as planned participants", rct(d -> d.put("plannedParticipants", Integer.MAX_VALUE)),
                        422, "plannedParticipants", "less than or equal to 10000000"),
                outside("an age band of 1312991234", rct(d -> ((ArrayNode) randomisation(d).get("ageBands")).set(2, IntNode.valueOf(1312991234))),
                        422, "randomisation.ageBands[2]", "less than or equal to 130"),
                outside("a negative age band", rct(d -> ((ArrayNode) randomisation(d).get("ageBands")).set(0, IntNode.valueOf(-1312991234))),
                        422, "randomisation.ageBands[0]", "greater than or equal to 0"),
                outside("a maximum age of 1312991234", rct(d -> eligibility(d).put("maxAge", 1312991234)),
                        422, "eligibility.maxAge", "less than or equal to 130"),
                outside("a negative maximum age", rct(d -> eligibility(d).put("maxAge", -1312991234)),
                        422, "eligibility.maxAge", "greater than or equal to 0"),
                outside("unemployment of a million weeks", rct(d -> eligibility(d).put("maxWeeksUnemployed", 1_000_000)),
                        422, "eligibility.maxWeeksUnemployed", "less than or equal to 2600"),
                outside("an infinite hazard ratio", rct(d -> d.set("power", object("{\"baselineIncidence\": 0.3, "
                                + "\"minimumDetectableDifference\": 0.05, \"alpha\": 0.05, \"power\": 0.8, \"hazardRatio\": 1e999}"))),
                        422, "power.hazardRatio", "less than or equal to 100"),
                // Lists
                outside("1,001 jobcentres", rct(d -> {
                    for (int i = 0; i < 998; i++) {
                        jobcentres(d).add("101");
                    }
                }), 422, "jobcentres", "size must be between 0 and 1000"),
                outside("1,001 block sizes", rct(d -> {
                    for (int i = 0; i < 999; i++) {
                        blockSizes(d).add(4);
                    }
                }), 422, "randomisation.blockSizes", "size must be between 0 and 1000"),
                // Closed sets, never echoing what was typed
                outside("a CPR number as a benefit type", rct(d -> ((ArrayNode) eligibility(d).get("benefitTypes")).set(0, TextNode.valueOf(CPR))),
                        422, "eligibility.benefitTypes[0]", "must be one of DAGPENGE, KONTANTHJAELP"),
                outside("a CPR number as the target group", rct(d -> d.put("targetGroup", CPR)),
                        422, "targetGroup", "must be one of DAGPENGE"),
                outside("a CPR number as a jobcentre", rct(d -> jobcentres(d).set(0, TextNode.valueOf(CPR))),
                        422, "jobcentres[0]", "is not a municipality code"),
                outside("a CPR number as an arm code", rct(d -> arm(d, 0).put("code", CPR)),
                        422, "arms[0].code", "lower-case letters"),
                // Free text: at most its length, no CPR-like number, no control character
                outside("a CPR number in the title", rct(d -> d.put("title", "Trial of " + CPR)),
                        422, "title", "must not contain a CPR number"),
                outside("a CPR number with a hyphen in an arm name", rct(d -> arm(d, 1).put("name", "Control 010199-1234")),
                        422, "arms[1].name", "must not contain a CPR number"),
                outside("an arm name of 501 characters", rct(d -> arm(d, 0).put("name", "x".repeat(501))),
                        422, "arms[0].name", "must be at most 500 characters"),
                outside("a NUL in the title", rct(d -> d.put("title", "Early\u0000contact")),
                        422, "title", "control characters"),
                outside("a NUL in an arm name", rct(d -> arm(d, 0).put("name", "Intensive\u0000")),
                        422, "arms[0].name", "control characters"),
                // Dates: 1900-01-01 to 2100-12-31
                outside("an enrolment period from the year 0", rct(d -> period(d).put("start", "0000-01-01")),
                        422, "enrolmentPeriod.start", "from 1900-01-01 to 2100-12-31"),
                outside("an enrolment period from 5000 BC", rct(d -> period(d).put("start", "-5000-01-01")),
                        422, "enrolmentPeriod.start", "from 1900-01-01 to 2100-12-31"),
                outside("an enrolment period to the year 10000", rct(d -> period(d).put("end", "+10000-01-01")),
                        422, "enrolmentPeriod.end", "from 1900-01-01 to 2100-12-31"),
                outside("an enrolment period ending in 2101", rct(d -> period(d).put("end", "2101-01-01")),
                        422, "enrolmentPeriod.end", "from 1900-01-01 to 2100-12-31"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfBounds")
    void aDesignOutOfBoundsIsRefusedNamingTheFieldAndNothingIsStored(String rule, String design, int status, String field,
                                                                     String message) {
        long trials = Trial.count();
        long auditEntries = TrialAuditEntry.count();

        String answer = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message))
                .extract().asString();

        assertNotEchoed(answer);
        assertEquals(trials, Trial.count(), "no trial is stored");
        assertEquals(auditEntries, TrialAuditEntry.count(), "nothing is audited");
    }

    @Test
    void aFieldSentTwiceMakesTheBodyUnreadable() {
        long trials = Trial.count();
        String twice = TrialDesigns.RCT.replaceFirst("\\{", "{\"plannedParticipants\": 10, ");
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(twice)
                .post("/api/v1/trials")
                .then().statusCode(400).contentType("application/problem+json");
        String id = AmendmentTest.openTrial();
        AmendmentTest.amend(id, "{\"reason\": \"More\", \"reason\": \"Less\", \"plannedParticipants\": 2500}")
                .statusCode(400).contentType("application/problem+json");
        assertEquals(trials + 1, Trial.count(), "only the trial opened to amend is stored");
        assertEquals(0, TrialAmendment.count("trialId", UUID.fromString(id)));
    }

    @Test
    void theEditOfADraftIsBoundedAsItsCreation() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(rct(d -> arm(d, 0).put("allocationWeight", Integer.MAX_VALUE))).put("/api/v1/trials/{id}", id)
                .then().statusCode(422).body("errors.field", contains("arms[0].allocationWeight"));
        given().auth().oauth2(TestTokens.designer()).get("/api/v1/trials/{id}", id)
                .then().body("arms[0].allocationWeight", equalTo(1));
    }

    @ParameterizedTest(name = "{0}={1} answers {2} naming {0}")
    @CsvSource({
            "page, 2147483647, 422", "page, 99999999999999999999, 422", "page, 10000001, 422",
            "size, 2147483647, 422", "size, -2147483649, 422", "page, 1e3, 400", "size, 0x10, 400"})
    void aListingPageOrSizeOutOfBoundsNamesTheParameter(String parameter, String value, int status) {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?" + parameter + "=" + value)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", contains(parameter));
    }

    @Test
    void theLastPageThereCanBeIsAnsweredEmpty() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?page=10000000&size=200")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anUnknownJobcentreIsNeverEchoed() {
        assertNotEchoed(given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?jobcentre=" + CPR)
                .then().statusCode(422).body("errors.field", contains("jobcentre")).extract().asString());
        assertNotEchoed(given().auth().oauth2(TestTokens.analyst()).get("/api/v1/jobcentres/" + CPR)
                .then().statusCode(404).contentType("application/problem+json").extract().asString());
    }

    @Test
    void anAmendmentIsBoundedAndNeverEchoesWhatWasTyped() {
        String id = AmendmentTest.openTrial();
        amendRefused(id, "{\"reason\": \"More\", \"plannedParticipants\": 2147483647}", 422, "plannedParticipants");
        amendRefused(id, "{\"reason\": \"Because of " + CPR + "\", \"plannedParticipants\": 2500}", 422, "reason");
        amendRefused(id, "{\"reason\": \"More\\u0000\", \"plannedParticipants\": 2500}", 422, "reason");
        amendRefused(id, "{\"reason\": \"" + "x".repeat(2001) + "\", \"plannedParticipants\": 2500}", 422, "reason");
        amendRefused(id, "{\"reason\": \"Longer\", \"enrolmentPeriodEnd\": \"-5000-01-01\"}", 422, "enrolmentPeriodEnd");
        amendRefused(id, "{\"reason\": \"Longer\", \"enrolmentPeriodEnd\": \"0000-01-01\"}", 422, "enrolmentPeriodEnd");
        amendRefused(id, "{\"reason\": \"Join\", \"addJobcentres\": [\"" + CPR + "\"]}", 422, "addJobcentres[0]");
        amendRefused(id, "{\"reason\": \"More\", \"plannedParticipants\": 2500, \"" + CPR + "\": 1}", 422, "amendment");
        amendRefused(id, "{\"reason\": \"More\", \"monitoringPlan\": {\"x" + CPR + "\": 1, \"reportingLagDays\": 7}}",
                422, "monitoringPlan");
        assertEquals(0, TrialAmendment.count("trialId", UUID.fromString(id)));
    }

    @Test
    void aSampleSizeIsBoundedAsADesign() {
        String assumptions = "\"assumptions\": {\"baselineIncidence\": 0.3, \"minimumDetectableDifference\": 0.05, "
                + "\"alpha\": 0.05, \"power\": 0.8}";
        sampleSizeRefused("{" + assumptions + ", \"arms\": [{\"code\": \"a\", \"allocationWeight\": 1073741824}, "
                + "{\"code\": \"b\", \"allocationWeight\": 1073741824}, {\"code\": \"c\", \"allocationWeight\": 1073741824}, "
                + "{\"code\": \"d\", \"allocationWeight\": 1073741824, \"control\": true}]}", "arms[0].allocationWeight");
        sampleSizeRefused("{" + assumptions + ", \"arms\": [{\"code\": \"" + CPR + "\", \"allocationWeight\": 1}, "
                + "{\"code\": \"control\", \"allocationWeight\": 1, \"control\": true}]}", "arms[0].code");
    }

    private static void amendRefused(String id, String body, int status, String field) {
        String answer = AmendmentTest.amend(id, body).statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .extract().asString();
        assertNotEchoed(answer);
    }

    private static void sampleSizeRefused(String body, String field) {
        assertNotEchoed(given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sample-size")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field)).extract().asString());
    }

    private static void assertNotEchoed(String answer) {
        org.hamcrest.MatcherAssert.assertThat(answer, not(containsString("991234")));
    }

    private static Arguments outside(String rule, String design, int status, String field, String message) {
        return Arguments.of(rule, design, status, field, message);
    }

    private static ArrayNode arms(ObjectNode design) {
        return (ArrayNode) design.get("arms");
    }

    private static ObjectNode arm(ObjectNode design, int index) {
        return (ObjectNode) arms(design).get(index);
    }

    private static ObjectNode randomisation(ObjectNode design) {
        return (ObjectNode) design.get("randomisation");
    }

    private static ArrayNode blockSizes(ObjectNode design) {
        return (ArrayNode) randomisation(design).get("blockSizes");
    }

    private static ObjectNode eligibility(ObjectNode design) {
        return (ObjectNode) design.get("eligibility");
    }

    private static ArrayNode jobcentres(ObjectNode design) {
        return (ArrayNode) design.get("jobcentres");
    }

    private static ObjectNode period(ObjectNode design) {
        return (ObjectNode) design.get("enrolmentPeriod");
    }
}
