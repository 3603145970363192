package dk.trials.platform.problem;

import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * No problem repeats what the caller sent, whatever part of the stack refuses it, and no input gives a 500. Every
 * probe carries the CPR-like marker {@code 0101991234} where a parser, the HTTP layer or the security layer would
 * have quoted it.
 */
@QuarkusTest
class ProblemsNeverEchoInputTest {

    private static final String MARKER = "0101991234";

    private static ExtractableResponse<Response> post(String body) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType("application/json").body(body)
                .post("/api/v1/probe/samples").then().extract();
    }

    private static void refusedWithoutEcho(ExtractableResponse<Response> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(Problem.MEDIA_TYPE, response.contentType());
        assertFalse(response.asString().contains(MARKER.substring(4)), response.asString());
        if (field != null) {
            assertEquals(field, response.path("errors[0].field"), response.asString());
        }
    }

    @Test
    void an_unrecognised_token_is_400_without_the_token() {
        refusedWithoutEcho(post("{\"name\": x" + MARKER + "}"), 400, "name");
        refusedWithoutEcho(post("x" + MARKER), 400, null);
    }

    @Test
    void an_unterminated_string_is_400_without_its_text() {
        refusedWithoutEcho(post("{\"name\": \"" + MARKER), 400, null);
    }

    @Test
    void a_number_too_large_for_its_field_is_400_naming_the_field() {
        refusedWithoutEcho(post("{\"name\": \"x\", \"count\": 2147483648" + MARKER.substring(4) + "}"), 400, "count");
        refusedWithoutEcho(post("{\"name\": \"x\", \"count\": 1e400}"), 400, "count");
        refusedWithoutEcho(post("{\"name\": \"x\", \"count\": 2147483648}"), 400, "count");
    }

    @Test
    void a_value_of_the_wrong_type_is_400_naming_the_field_without_the_value() {
        refusedWithoutEcho(post("{\"name\": \"x\", \"count\": \"x" + MARKER + "\"}"), 400, "count");
        refusedWithoutEcho(post("{\"name\": \"x\", \"date\": \"" + MARKER + "\"}"), 400, "date");
        refusedWithoutEcho(post("{\"name\": {\"" + MARKER + "\": 1}}"), 400, "name");
    }

    @Test
    void a_map_key_that_is_caller_data_is_not_repeated_as_a_field_name() {
        refusedWithoutEcho(post("{\"name\": \"x\", \"labels\": {\"" + MARKER + "\": [1]}}"), 400, "labels.*");
    }

    @Test
    void a_jobcentre_token_acting_for_another_jobcentre_is_not_told_the_code_it_sent() {
        ExtractableResponse<Response> response = given()
                .header("Authorization", TestTokens.bearer(TestTokens.jobcentre("101")))
                .get("/api/v1/probe/jobcentres/" + MARKER).then().extract();

        refusedWithoutEcho(response, 403, null);
    }

    @Test
    void the_http_layer_refusals_are_problems_in_its_own_words() {
        ExtractableResponse<Response> unknownPath = given()
                .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .get("/api/v1/probe/" + MARKER).then().extract();
        ExtractableResponse<Response> wrongMediaType = given()
                .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType("text/x-" + MARKER).body("x")
                .post("/api/v1/probe/samples").then().extract();

        refusedWithoutEcho(unknownPath, 404, null);
        refusedWithoutEcho(wrongMediaType, 415, null);
    }

    @Test
    void a_query_date_that_is_no_date_is_400_and_one_out_of_range_422_naming_the_parameter() {
        ExtractableResponse<Response> unreadable = given()
                .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .queryParam("asOf", MARKER).get("/api/v1/probe/dates").then().extract();
        ExtractableResponse<Response> outOfRange = given()
                .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .queryParam("asOf", "-5000-01-01").get("/api/v1/probe/dates").then().extract();

        refusedWithoutEcho(unreadable, 400, "asOf");
        refusedWithoutEcho(outOfRange, 422, "asOf");
        assertEquals("2027-06-30", given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .queryParam("asOf", "2027-06-30").get("/api/v1/probe/dates").then().statusCode(200)
                .extract().path("date"));
    }
}
