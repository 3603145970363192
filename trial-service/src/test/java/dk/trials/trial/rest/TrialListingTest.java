package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import dk.trials.trial.TrialDesigns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing filters by status, type and jobcentre, pages stably, and says how many match in all. */
@QuarkusTest
class TrialListingTest {

    /** A jobcentre no other test uses, so that its trials can be counted exactly. */
    private static final String LEMVIG = "665";

    private static String create(String design) {
        return given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON).body(design)
                .post("/api/v1/trials").then().statusCode(201).extract().path("id");
    }

    @Test
    void filtersCombineAndEachTrialIsShownWithItsJobcentresNames() {
        String rctInLemvig = create(TrialDesigns.rct(d -> d.putArray("jobcentres").add("101").add(LEMVIG)));
        String pilotInLemvig = create(TrialDesigns.pilot(d -> d.putArray("jobcentres").add(LEMVIG)));
        String openedInLemvig = create(TrialDesigns.rct(d -> d.putArray("jobcentres").add(LEMVIG)));
        TrialLifecycleTest.step(openedInLemvig, "open", 200);

        given().auth().oauth2(TestTokens.jobcentre(LEMVIG)).get("/api/v1/trials?jobcentre=" + LEMVIG)
                .then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("id", equalTo(List.of(openedInLemvig, pilotInLemvig, rctInLemvig)))
                .body("jobcentreNames." + LEMVIG, everyItem(equalTo("Lemvig")))
                .body("[2].jobcentreNames.101", equalTo("København"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?jobcentre={j}&type=RCT&status=DRAFT", LEMVIG)
                .then().statusCode(200).header("X-Total-Count", "1").body("id", equalTo(List.of(rctInLemvig)));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?jobcentre={j}&status=RECRUITING", LEMVIG)
                .then().header("X-Total-Count", "1").body("id", equalTo(List.of(openedInLemvig)));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?type=KNOWLEDGE_PILOT")
                .then().body("type", everyItem(equalTo("KNOWLEDGE_PILOT"))).body("id", hasItem(pilotInLemvig));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?status=RECRUITING")
                .then().body("status", everyItem(equalTo("RECRUITING"))).body("id", not(hasItem(rctInLemvig)));
    }

    @Test
    void pagesCoverEveryTrialOnceNewestFirstWithLinks() {
        for (int i = 0; i < 5; i++) {
            create(TrialDesigns.RCT);
        }
        int total = Integer.parseInt(given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?size=1")
                .then().statusCode(200).extract().header("X-Total-Count"));
        List<String> seen = new ArrayList<>();
        List<String> createdAt = new ArrayList<>();
        int size = 2;
        for (int page = 0; page * size < total; page++) {
            Response response = given().auth().oauth2(TestTokens.analyst())
                    .get("/api/v1/trials?page={p}&size={s}", page, size);
            response.then().statusCode(200).header("Link", containsString("rel=\"last\""));
            if ((page + 1) * size < total) {
                response.then().header("Link", containsString("page=" + (page + 1) + "&size=" + size + ">; rel=\"next\""));
            }
            seen.addAll(response.path("id"));
            createdAt.addAll(response.path("createdAt"));
        }
        assertEquals(total, seen.size());
        assertEquals(total, seen.stream().distinct().count(), "no trial on two pages");
        for (int i = 1; i < createdAt.size(); i++) {
            assertTrue(!Instant.parse(createdAt.get(i - 1)).isBefore(Instant.parse(createdAt.get(i))), "newest first");
        }
    }

    @Test
    void parametersThatBreakRulesAreEachNamed() {
        given().auth().oauth2(TestTokens.analyst())
                .get("/api/v1/trials?status=OPEN&type=LOTTERY&jobcentre=999&page=-1&size=1000")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("status", "type", "jobcentre", "page", "size"));
    }

    @Test
    void aPageThatIsNoNumberCannotBeRead() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?page=first")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("page"))
                .body("errors[0].message", equalTo("must be a whole number from 0 to 10000000"));
    }

    @Test
    void aStatusOutsideTheLifecycleIsUnprocessable() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?status=OPEN")
                .then().statusCode(422).body("errors.field", contains("status"));
    }

    @Test
    void oneUnreadableParameterMakesTheWholeListingUnreadable() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?status=OPEN&page=first")
                .then().statusCode(400).body("errors.field", hasItems("status", "page"));
    }

    @ParameterizedTest(name = "{0}={1} is out of range")
    @CsvSource({"page, -1, must be a whole number from 0 to 10000000", "size, 0, must be a whole number from 1 to 200",
            "size, 201, must be a whole number from 1 to 200"})
    void aNumberOutOfRangeIsUnprocessable(String parameter, String value, String message) {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?" + parameter + "=" + value)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains(parameter))
                .body("errors[0].message", equalTo(message));
    }

    @Test
    void anUnknownJobcentreIsUnprocessable() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?jobcentre=999")
                .then().statusCode(422)
                .body("errors.field", contains("jobcentre"))
                .body("errors[0].message", equalTo("is not a municipality code; see GET /api/v1/jobcentres"));
    }

    @Test
    void aPageBeyondTheLastIsEmpty() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials?page=100000")
                .then().statusCode(200).body("size()", equalTo(0)).header("Link", containsString("rel=\"prev\""));
    }
}
