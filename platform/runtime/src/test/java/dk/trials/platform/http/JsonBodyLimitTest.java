package dk.trials.platform.http;

import dk.trials.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON bodies are bounded at 1 MiB unless the operation takes more; the bound holds with and without a length. */
@QuarkusTest
class JsonBodyLimitTest {

    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/api/v1/probe/samples")
    URL samples;

    /** A valid sample body of exactly {@code bytes} bytes (the padding is a note). */
    private static String bodyOf(int bytes) {
        String head = "{\"name\": \"x\", \"labels\": {\"pad\": \"";
        String tail = "\"}}";
        return head + "a".repeat(bytes - head.length() - tail.length()) + tail;
    }

    @Test
    void a_json_body_of_1_mib_is_read_and_one_byte_more_is_413() {
        given().header("Authorization", TestTokens.bearer(TestTokens.admin())).contentType("application/json")
                .body(bodyOf(MIB)).post("/api/v1/probe/samples").then().statusCode(200);

        given().header("Authorization", TestTokens.bearer(TestTokens.admin())).contentType("application/json")
                .body(bodyOf(MIB + 1)).post("/api/v1/probe/samples").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void a_chunked_json_body_without_a_length_is_413_once_it_passes_the_limit() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(samples.toString()))
                .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(bodyOf(2 * MIB).getBytes(StandardCharsets.UTF_8))))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertTrue(request.bodyPublisher().orElseThrow().contentLength() < 0, "the body is sent chunked");
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void an_operation_that_declares_a_larger_limit_takes_a_body_up_to_it() {
        given().header("Authorization", TestTokens.bearer(TestTokens.admin())).contentType("application/json")
                .body(bodyOf(3 * MIB)).post("/api/v1/probe/imports").then().statusCode(200);

        given().header("Authorization", TestTokens.bearer(TestTokens.admin())).contentType("application/json")
                .body(bodyOf(4 * MIB + 1)).post("/api/v1/probe/imports").then().statusCode(413);
    }

    @Test
    void a_stream_of_another_media_type_is_left_to_its_operation() {
        given().header("Authorization", TestTokens.bearer(TestTokens.admin())).contentType("application/x-ndjson")
                .body("{}\n".repeat(MIB).getBytes(StandardCharsets.UTF_8)).post("/api/v1/probe/streams").then()
                .statusCode(200).body("bodyBytes", equalTo(3 * MIB));
    }
}
