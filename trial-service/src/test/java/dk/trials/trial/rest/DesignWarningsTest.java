package dk.trials.trial.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trials.testing.TestTokens;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Consumer;

import static dk.trials.trial.TrialDesigns.object;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A design stratified by jobcentre lets each jobcentre see every allocation of its strata. With fewer than two block
 * sizes, or a block smaller than twice the total allocation weight, it could foresee allocations: the design is
 * accepted, with warnings in the trial and in its audit trail.
 */
@QuarkusTest
class DesignWarningsTest {

    private static String design(String blockSizes, String stratifyBy, Consumer<ObjectNode> more) {
        return TrialDesigns.rct(d -> {
            ObjectNode r = (ObjectNode) d.get("randomisation");
            r.set("blockSizes", object("{\"b\": " + blockSizes + "}").get("b"));
            r.set("stratifyBy", object("{\"f\": " + stratifyBy + "}").get("f"));
            if (!stratifyBy.contains("ageBand")) {
                r.remove("ageBands");
            }
            more.accept(d);
        });
    }

    private static io.restassured.response.ValidatableResponse create(String design) {
        return given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials").then();
    }

    @Test
    void aSingleBlockSizeStratifiedByJobcentreIsWarnedOfNotRefused() {
        long before = Trial.count();
        String id = create(design("[4]", "[\"jobcentre\", \"ageBand\"]", d -> { }))
                .statusCode(201)
                .body("warnings", hasSize(1))
                .body("warnings[0].field", equalTo("randomisation.blockSizes"))
                .body("warnings[0].message", containsString("single block size"))
                .extract().path("id");
        assertEquals(before + 1, Trial.count());

        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().statusCode(200).body("warnings.field", contains("randomisation.blockSizes"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/audit", id)
                .then().statusCode(200)
                .body("[0].action", equalTo("CREATED"))
                .body("[0].warnings.field", contains("randomisation.blockSizes"))
                .body("[0].warnings[0].message", containsString("single block size"));
    }

    @ParameterizedTest(name = "blocks {0} with weights {1}:{2} warn of {3}")
    @CsvSource(delimiter = '|', value = {
            "[2, 4]|1|1|randomisation.blockSizes[0]",
            "[3, 6]|2|1|randomisation.blockSizes[0]",
            "[3, 9]|2|1|randomisation.blockSizes[0]",
            "[6, 9]|2|1|''"})
    void aBlockSmallerThanTwiceTheTotalWeightIsWarnedOf(String blocks, int treatment, int control, String field) {
        var answer = create(design(blocks, "[\"jobcentre\"]", d -> {
            ((ObjectNode) d.get("arms").get(0)).put("allocationWeight", treatment);
            ((ObjectNode) d.get("arms").get(1)).put("allocationWeight", control);
        })).statusCode(201);
        if (field.isEmpty()) {
            answer.body("warnings", empty());
        } else {
            answer.body("warnings.field", contains(field))
                    .body("warnings[0].message", containsString("twice the total allocation weight (" + 2 * (treatment + control) + ")"));
        }
    }

    @Test
    void aSingleSmallBlockIsWarnedOfTwice() {
        create(design("[2]", "[\"jobcentre\"]", d -> { }))
                .statusCode(201)
                .body("warnings.field", contains("randomisation.blockSizes", "randomisation.blockSizes[0]"));
    }

    @Test
    void withoutJobcentreStrataNoJobcentreSeesEnoughToForesee() {
        create(design("[2]", "[\"ageBand\"]", d -> { })).statusCode(201).body("warnings", empty());
        create(design("[2]", "[]", d -> { })).statusCode(201).body("warnings", empty());
        create(TrialDesigns.rct(d -> d.set("randomisation", object("{\"method\": \"SIMPLE\", \"stratifyBy\": [\"jobcentre\"]}"))))
                .statusCode(201).body("warnings", empty());
    }

    @Test
    void twoBlockSizesOfTwiceTheWeightOrMoreWarnOfNothing() {
        // The RCT of the tests and the examples: blocks of 4 and 6 for weights 1:1, stratified by jobcentre.
        create(TrialDesigns.RCT).statusCode(201).body("warnings", empty());
    }

    @Test
    void eachAuditEntryKeepsTheWarningsAsTheChangeLeftTheDesign() {
        String id = create(design("[2, 4]", "[\"jobcentre\"]", d -> { })).statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(design("[4, 6]", "[\"jobcentre\"]", d -> { })).put("/api/v1/trials/{id}", id)
                .then().statusCode(200).body("warnings", empty());
        TrialLifecycleTest.step(id, "open", 200);

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/audit", id)
                .then().statusCode(200)
                .body("action", contains("CREATED", "EDITED", "OPENED"))
                .body("[0].warnings.field", contains("randomisation.blockSizes[0]"))
                .body("[1].warnings", empty())
                .body("[2].warnings", empty());
    }
}
