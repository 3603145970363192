package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.testing.TestTokens;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialAuditEntry;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dk.trials.trial.TrialDesigns.object;
import static dk.trials.trial.TrialDesigns.pilot;
import static dk.trials.trial.TrialDesigns.rct;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each rule of a design, broken on its own: the answer names the field and the rule in exactly one errors entry,
 * and nothing is stored. A design that cannot be read (a wrong type, a value outside a closed list, a required field
 * missing) answers 400; a readable one that breaks a rule, a field range as much as a rule between fields, 422.
 */
@QuarkusTest
class DesignValidationTest {

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                // Arms
                broken("an RCT with one arm", rct(d -> arms(d).remove(0)), 422, "arms", "at least two arms, found 1"),
                broken("an RCT without a control arm", rct(d -> arm(d, 1).put("control", false)), 422, "arms", "exactly one control arm, found 0"),
                broken("an RCT with two control arms", rct(d -> arm(d, 0).put("control", true)), 422, "arms", "exactly one control arm, found 2"),
                broken("two arms with one code", rct(d -> arm(d, 1).put("code", "treatment")), 422, "arms[1].code", "used twice"),
                broken("a zero weight", rct(d -> arm(d, 0).put("allocationWeight", 0)), 422, "arms[0].allocationWeight", "greater than 0"),
                broken("a negative weight", rct(d -> arm(d, 1).put("allocationWeight", -2)), 422, "arms[1].allocationWeight", "greater than 0"),
                broken("a missing weight", rct(d -> arm(d, 1).remove("allocationWeight")), 400, "arms[1].allocationWeight", "must not be null"),
                broken("an arm code with capitals", rct(d -> arm(d, 0).put("code", "Treatment")), 422, "arms[0].code", "lower-case letters"),
                broken("a blank arm name", rct(d -> arm(d, 0).put("name", " ")), 422, "arms[0].name", "must not be blank"),
                broken("a fractional weight", rct(d -> arm(d, 0).put("allocationWeight", 1.5)), 400, "arms[0].allocationWeight", "wrong type"),
                broken("a pilot with two arms", pilot(d -> arms(d).add(object("{\"code\": \"other\", \"name\": \"Other\", \"allocationWeight\": 1}"))),
                        422, "arms", "single intervention arm, found 2 arms"),
                broken("a campaign whose arm is a control", pilot(d -> { d.put("type", "NATIONAL_CAMPAIGN"); arm(d, 0).put("control", true); }),
                        422, "arms[0].control", "has no control arm"),
                broken("an inspiration project that randomises in blocks", pilot(d -> {
                            d.put("type", "INSPIRATION_PROJECT");
                            d.set("randomisation", object("{\"method\": \"PERMUTED_BLOCK\", \"blockSizes\": [2]}")); }),
                        422, "randomisation.method", "use SIMPLE"),
                // Permuted blocks
                broken("a block size that is no multiple of the weights", rct(d -> arm(d, 0).put("allocationWeight", 2)),
                        422, "randomisation.blockSizes[0]", "block size 4 is not a positive multiple of the arms' total allocation weight 3"),
                broken("permuted blocks without block sizes", rct(d -> randomisation(d).remove("blockSizes")),
                        422, "randomisation.blockSizes", "at least one block size"),
                broken("a block size listed twice", rct(d -> randomisation(d).set("blockSizes", object("{\"b\": [4, 4]}").get("b"))),
                        422, "randomisation.blockSizes[1]", "listed twice"),
                broken("block sizes on simple randomisation", rct(d -> randomisation(d).put("method", "SIMPLE")),
                        422, "randomisation.blockSizes", "only PERMUTED_BLOCK uses block sizes"),
                // Factors
                broken("an unknown stratification factor", rct(d -> ((ArrayNode) randomisation(d).get("stratifyBy")).add("shoeSize")),
                        422, "randomisation.stratifyBy[2]", "must be one of jobcentre, ageBand, benefitType, gender, unemploymentDuration"),
                broken("a factor listed twice", rct(d -> ((ArrayNode) randomisation(d).get("stratifyBy")).add("jobcentre")),
                        422, "randomisation.stratifyBy[2]", "jobcentre is listed twice"),
                broken("an unknown minimisation factor", rct(d -> d.set("randomisation",
                                object("{\"method\": \"MINIMISATION\", \"minimisationFactors\": [\"jobcentre\", \"religion\"]}"))),
                        422, "randomisation.minimisationFactors[1]", "must be one of jobcentre, ageBand"),
                broken("an unknown randomisation method", rct(d -> randomisation(d).put("method", "COIN_TOSS")),
                        422, "randomisation.method", "must be one of SIMPLE, PERMUTED_BLOCK, MINIMISATION"),
                broken("an unknown trial type", rct(d -> d.put("type", "LOTTERY")),
                        422, "type", "must be one of RCT, KNOWLEDGE_PILOT, INSPIRATION_PROJECT, NATIONAL_CAMPAIGN"),
                // Minimisation
                broken("minimisation without factors", rct(d -> d.set("randomisation", object("{\"method\": \"MINIMISATION\"}"))),
                        422, "randomisation.minimisationFactors", "at least one factor"),
                broken("a minimisation probability of one half", rct(d -> d.set("randomisation", object(
                                "{\"method\": \"MINIMISATION\", \"minimisationFactors\": [\"jobcentre\"], \"minimisationProbability\": 0.5}"))),
                        422, "randomisation.minimisationProbability", "above 0.5 and at most 1"),
                broken("a minimisation probability above one", rct(d -> d.set("randomisation", object(
                                "{\"method\": \"MINIMISATION\", \"minimisationFactors\": [\"jobcentre\"], \"minimisationProbability\": 1.2}"))),
                        422, "randomisation.minimisationProbability", "above 0.5 and at most 1"),
                broken("minimisation with strata as well", rct(d -> d.set("randomisation", object(
                                "{\"method\": \"MINIMISATION\", \"minimisationFactors\": [\"gender\"], \"stratifyBy\": [\"jobcentre\"]}"))),
                        422, "randomisation.stratifyBy", "stratifyBy would be ignored"),
                broken("minimisation factors on permuted blocks", rct(d -> randomisation(d).set("minimisationFactors", object("{\"f\": [\"gender\"]}").get("f"))),
                        422, "randomisation.minimisationFactors", "only MINIMISATION uses minimisation factors"),
                // Age bands
                broken("age bands that decrease", rct(d -> randomisation(d).set("ageBands", object("{\"a\": [18, 30, 25]}").get("a"))),
                        422, "randomisation.ageBands[2]", "must be increasing: 25 follows 30"),
                broken("an age band repeated", rct(d -> randomisation(d).set("ageBands", object("{\"a\": [18, 18, 30]}").get("a"))),
                        422, "randomisation.ageBands[1]", "must be increasing: 18 follows 18"),
                broken("ageBand as a factor without bands", rct(d -> randomisation(d).remove("ageBands")),
                        422, "randomisation.ageBands", "lower bounds of the age bands are needed"),
                broken("age bands without ageBand as a factor", rct(d -> randomisation(d).set("stratifyBy", object("{\"f\": [\"jobcentre\"]}").get("f"))),
                        422, "randomisation.ageBands", "only when ageBand is a stratification or minimisation factor"),
                // Eligibility, jobcentres, outcome, period
                broken("a minimum age above the maximum", rct(d -> eligibility(d).put("minAge", 30)),
                        422, "eligibility.maxAge", "must not be below minAge (29 < 30)"),
                broken("a negative minimum age", rct(d -> eligibility(d).put("minAge", -1)),
                        422, "eligibility.minAge", "must be greater than or equal to 0"),
                broken("a negative number of weeks unemployed", rct(d -> eligibility(d).put("maxWeeksUnemployed", -4)),
                        422, "eligibility.maxWeeksUnemployed", "must be greater than or equal to 0"),
                broken("a horizon of more than ten years", rct(d -> ((ObjectNode) d.get("primaryOutcome")).put("horizonWeeks", 521)),
                        422, "primaryOutcome.horizonWeeks", "less than or equal to 520"),
                broken("a horizon left out", rct(d -> ((ObjectNode) d.get("primaryOutcome")).remove("horizonWeeks")),
                        400, "primaryOutcome.horizonWeeks", "must not be null"),
                broken("an enrolment period without an end", rct(d -> period(d).remove("end")),
                        400, "enrolmentPeriod.end", "must not be null"),
                broken("an unparsable date", rct(d -> period(d).put("end", "31-12-2027")),
                        400, "enrolmentPeriod.end", "wrong type or format"),
                broken("no jobcentres", rct(d -> jobcentres(d).removeAll()), 422, "jobcentres", "must not be empty"),
                broken("a title longer than 300 characters", rct(d -> d.put("title", "x".repeat(301))),
                        422, "title", "must be at most 300 characters"),
                broken("a blank title", rct(d -> d.put("title", "  ")), 422, "title", "must not be blank"),
                broken("no title", rct(d -> d.remove("title")), 400, "title", "must not be null"),
                broken("no randomisation method", rct(d -> randomisation(d).remove("method")),
                        400, "randomisation.method", "must not be null"),
                broken("an unknown jobcentre", rct(d -> jobcentres(d).set(1, "999")),
                        422, "jobcentres[1]", "is not a municipality code; see GET /api/v1/jobcentres"),
                broken("a jobcentre listed twice", rct(d -> jobcentres(d).add("101")),
                        422, "jobcentres[3]", "jobcentre 101 is listed twice"),
                broken("a censoring event as the primary outcome", rct(d -> ((ObjectNode) d.get("primaryOutcome")).put("type", "EMIGRATED")),
                        422, "primaryOutcome.type", "must be one of JOB_EXIT"),
                broken("an enrolment period that ends before it starts", rct(d -> period(d).put("end", "2026-12-31")),
                        422, "enrolmentPeriod.end", "must be after enrolmentPeriod.start"),
                broken("an enrolment period that ends the day it starts", rct(d -> period(d).put("end", "2027-01-01")),
                        422, "enrolmentPeriod.end", "must be after enrolmentPeriod.start"),
                // Power assumptions
                broken("power assumptions without alpha", powered(p -> p.remove("alpha")),
                        422, "power.alpha", "is required for the power calculation"),
                broken("a difference that leaves (0, 1)", powered(p -> p.put("minimumDetectableDifference", 0.75)),
                        422, "power.minimumDetectableDifference", "must lie strictly between 0 and 1"),
                broken("a hazard ratio against the difference", powered(p -> p.put("hazardRatio", 0.8)),
                        422, "power.hazardRatio", "points the other way than the minimumDetectableDifference"),
                broken("a hazard ratio of one", powered(p -> p.put("hazardRatio", 1.0)),
                        422, "power.hazardRatio", "no effect to detect"),
                broken("a difference too small to detect", powered(p -> p.put("minimumDetectableDifference", 0.00001)),
                        422, "power.minimumDetectableDifference", "too small to detect"),
                broken("power assumptions on a pilot", pilot(d -> d.set("power", object(
                                "{\"baselineIncidence\": 0.3, \"minimumDetectableDifference\": 0.05, \"alpha\": 0.05, \"power\": 0.8}"))),
                        422, "power", "no control arm to be powered against"),
                broken("an alpha above one half", powered(p -> p.put("alpha", 0.6)), 422, "power.alpha", "less than or equal to 0.5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsOneErrorEntryAndNothingIsStored(String rule, String design, int status, String field, String message) {
        long trials = Trial.count();
        long auditEntries = TrialAuditEntry.count();

        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));

        assertEquals(trials, Trial.count(), "no trial is stored");
        assertEquals(auditEntries, TrialAuditEntry.count(), "nothing is audited");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        String design = rct(d -> {
            arm(d, 1).put("control", false);
            period(d).put("end", "2026-01-01");
            jobcentres(d).set(0, "100");
        });
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials")
                .then().statusCode(422)
                .body("detail", equalTo("The design breaks 3 rules"))
                .body("errors.field", hasItems("arms", "enrolmentPeriod.end", "jobcentres[0]"));
    }

    @Test
    void aDraftEditedIntoABrokenDesignIsRefusedAndKeepsItsDesign() {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.RCT)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        long auditEntries = TrialAuditEntry.count();

        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(rct(d -> arms(d).remove(0)))
                .put("/api/v1/trials/{id}", id)
                .then().statusCode(422).body("errors[0].field", equalTo("arms"));

        given().auth().oauth2(TestTokens.designer()).get("/api/v1/trials/{id}", id)
                .then().body("arms", hasSize(2));
        assertEquals(auditEntries, TrialAuditEntry.count());
    }

    @Test
    void minimisationWithoutAProbabilityIsStoredWithTheDefault() {
        String design = rct(d -> d.set("randomisation", object(
                "{\"method\": \"MINIMISATION\", \"minimisationFactors\": [\"jobcentre\", \"ageBand\"], \"ageBands\": [18, 25]}")));
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials")
                .then().statusCode(201)
                .body("randomisation.minimisationProbability", equalTo(0.8f));
    }

    @Test
    void aNonRandomisedDesignWithItsSingleArmIsAccepted() {
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(TrialDesigns.PILOT)
                .post("/api/v1/trials")
                .then().statusCode(201).body("type", equalTo("KNOWLEDGE_PILOT"));
    }

    private static Arguments broken(String rule, String design, int status, String field, String message) {
        return Arguments.of(rule, design, status, field, message);
    }

    private static String powered(java.util.function.Consumer<ObjectNode> change) {
        return rct(d -> {
            ObjectNode power = object("{\"baselineIncidence\": 0.30, \"minimumDetectableDifference\": 0.05, \"alpha\": 0.05, \"power\": 0.8}");
            change.accept(power);
            d.set("power", power);
        });
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
