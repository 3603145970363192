package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static dk.trials.trial.TrialDesigns.object;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Those who enrol must not foresee the next allocation, or they could choose whom to enrol next: a jobcentre token
 * reads a trial without its block sizes, minimisation probability, design hash or warnings. Every other role reads
 * the whole design.
 */
@QuarkusTest
class ConcealmentTest {

    private static final String MINIMISATION = TrialDesigns.rct(d -> d.set("randomisation", object(
            "{\"method\": \"MINIMISATION\", \"minimisationFactors\": [\"jobcentre\", \"ageBand\"], \"ageBands\": [18, 25],"
                    + " \"minimisationProbability\": 0.9}")));

    static String openTrial(String design) {
        String id = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id).then().statusCode(200);
        return id;
    }

    @Test
    void aJobcentreReadsAPermutedBlockTrialWithoutItsBlockSizesOrHash() {
        String id = openTrial(TrialDesigns.RCT);
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}", id)
                .then().statusCode(200)
                .body("concealed", equalTo(true))
                .body("randomisation.method", equalTo("PERMUTED_BLOCK"))
                .body("randomisation.blockSizes", nullValue())
                .body("designHash", nullValue())
                .body("warnings", nullValue())
                // What the caseworker needs stays: the arms with their shares, and the strata.
                .body("arms.code", contains("treatment", "control"))
                .body("arms.allocationWeight", contains(1, 1))
                .body("randomisation.stratifyBy", contains("jobcentre", "ageBand"))
                .body("randomisation.ageBands", contains(18, 25, 30));
    }

    @Test
    void aJobcentreReadsAMinimisationTrialWithoutItsProbability() {
        String id = openTrial(MINIMISATION);
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}", id)
                .then().statusCode(200)
                .body("concealed", equalTo(true))
                .body("randomisation.minimisationProbability", nullValue())
                .body("randomisation.minimisationFactors", contains("jobcentre", "ageBand"))
                .body("designHash", nullValue());
    }

    @Test
    void aJobcentreListsTrialsConcealedToo() {
        String id = openTrial(TrialDesigns.RCT);
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials?size=200")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.concealed", equalTo(true))
                .body("find { it.id == '" + id + "' }.randomisation.blockSizes", nullValue())
                .body("findAll { it.concealed == false }", empty())
                .body("randomisation.blockSizes", not(hasItem(notNullValue())))
                .body("designHash", not(hasItem(notNullValue())));
    }

    @Test
    void aJobcentreReadsAmendmentsWithoutTheDesignHashes() {
        String id = openTrial(TrialDesigns.RCT);
        AmendmentTest.amend(id, "{\"reason\": \"More\", \"plannedParticipants\": 2500}").statusCode(201)
                .body("designHashAfter", matchesPattern("[0-9a-f]{64}"));
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}/amendments", id)
                .then().statusCode(200)
                .body("[0].plannedParticipants", equalTo(2500))
                .body("[0].designHashBefore", nullValue())
                .body("[0].designHashAfter", nullValue());
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}/amendments/1", id)
                .then().statusCode(200)
                .body("designHashBefore", nullValue())
                .body("designHashAfter", nullValue());
    }

    @ParameterizedTest(name = "{0} reads the whole design")
    @ValueSource(strings = {"trial-designer", "analyst", "admin"})
    void everyOtherRoleReadsTheWholeDesign(String role) {
        String blocks = openTrial(TrialDesigns.RCT);
        String minimisation = openTrial(MINIMISATION);
        String token = TestTokens.token(role, null);
        given().auth().oauth2(token).get("/api/v1/trials/{id}", blocks)
                .then().statusCode(200)
                .body("concealed", equalTo(false))
                .body("randomisation.blockSizes", contains(4, 6))
                .body("designHash", matchesPattern("[0-9a-f]{64}"))
                .body("warnings", empty());
        given().auth().oauth2(token).get("/api/v1/trials/{id}", minimisation)
                .then().statusCode(200)
                .body("randomisation.minimisationProbability", equalTo(0.9f));
        given().auth().oauth2(token).get("/api/v1/trials/{id}/amendments", blocks).then().statusCode(200);
    }
}
