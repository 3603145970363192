package dk.trials.platform.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.platform.probe.ProbeResource;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules every REST body keeps without a service annotating for them, and the free-text rule where annotated. */
@QuarkusTest
class RequestBodyRulesTest {

    @Inject
    ObjectMapper application;

    private static ValidatableResponse post(String body) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType("application/json").body(body)
                .post("/api/v1/probe/samples").then();
    }

    private static void refused(String body, String field, String message) {
        post(body).statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains(field))
                .body("errors.message", contains(message));
    }

    @Test
    void a_body_within_the_rules_is_read_as_sent() {
        post("{\"name\": \"Ærø – line\", \"date\": \"1900-01-01\", \"notes\": [\"ok\"], \"labels\": {\"a\": \"b\"}}")
                .statusCode(200).body("name", equalTo("Ærø – line")).body("date", equalTo("1900-01-01"));
        post("{\"name\": \"x\", \"date\": \"2100-12-31\"}").statusCode(200);
    }

    @Test
    void a_nul_or_other_control_character_in_any_string_is_refused_naming_the_field() {
        refused("{\"name\": \"a\\u0000b\"}", "name", "must not contain control characters");
        refused("{\"name\": \"a\\u001bb\"}", "name", "must not contain control characters");
        refused("{\"name\": \"a\\nb\"}", "name", "must not contain control characters");
        refused("{\"name\": \"x\", \"notes\": [\"fine\", \"\\u0000\"]}", "notes[1]", "must not contain control characters");
        refused("{\"name\": \"x\", \"labels\": {\"a\": \"\\u0085\"}}", "labels.a", "must not contain control characters");
    }

    @Test
    void a_field_sent_twice_is_a_malformed_body_not_a_fault_of_ours() {
        post("{\"name\": \"a\", \"name\": \"b\"}").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:trials:problem:malformed"));
    }

    @Test
    void an_unpaired_surrogate_is_refused_and_a_pair_is_read() {
        refused("{\"name\": \"a\\ud800b\"}", "name", "must not contain control characters");
        post("{\"name\": \"\\ud83d\\ude00\"}").statusCode(200).body("name", equalTo("\uD83D\uDE00"));
    }

    @Test
    void a_control_character_in_a_map_key_is_refused() {
        post("{\"name\": \"x\", \"labels\": {\"a\\u0000\": \"b\"}}").statusCode(422)
                .body("errors.message", contains("must not contain control characters"));
    }

    @Test
    void a_date_outside_1900_to_2100_is_refused_naming_the_field() {
        for (String date : new String[]{"0000-01-01", "-5000-01-01", "1899-12-31", "2101-01-01", "+10000-01-01"}) {
            refused("{\"name\": \"x\", \"date\": \"" + date + "\"}", "date", "must be a date from 1900-01-01 to 2100-12-31");
        }
    }

    @Test
    void a_free_text_field_refuses_a_cpr_number_without_repeating_it() {
        String body = post("{\"name\": \"x\", \"reason\": \"moved, see 010199-1234\"}").statusCode(422)
                .body("errors.field", contains("reason"))
                .body("errors.message", contains("must not contain a CPR number"))
                .extract().asString();
        assertEquals(-1, body.indexOf("1234"), body);
    }

    @Test
    void a_free_text_list_element_refuses_a_cpr_number() {
        post("{\"name\": \"x\", \"notes\": [\"0101991234\"]}").statusCode(422)
                .body("errors.field", contains("notes[0]"))
                .body("errors.message", contains("must not contain a CPR number"));
    }

    @Test
    void the_application_mapper_that_reads_kafka_events_is_unaffected() throws Exception {
        ProbeResource.Sample read = application.readValue("{\"name\": \"a\\u0000b\", \"date\": \"0000-01-01\"}",
                ProbeResource.Sample.class);

        assertEquals("a\u0000b", read.name());
        assertEquals("0000-01-01", read.date().toString());
    }
}
