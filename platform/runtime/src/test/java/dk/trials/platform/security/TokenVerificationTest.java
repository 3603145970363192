package dk.trials.platform.security;

import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A token is taken only for this API's audience and for 8 hours after it was issued, and an operation without a
 * role annotation is denied to everyone: the settings each service carries, tried on the runtime's test application.
 */
@QuarkusTest
class TokenVerificationTest {

    @Inject
    JWTParser parser;

    private static int status(String token, String path) {
        return given().header("Authorization", TestTokens.bearer(token)).get(path).then().extract().statusCode();
    }

    @Test
    void a_token_for_this_audience_issued_within_8_hours_is_taken() {
        assertEquals(200, status(TestTokens.admin(), "/api/v1/probe/dates?asOf=2027-01-01"));
        assertEquals(200,
                status(TestTokens.issuedAt("admin", Instant.now().minus(Duration.ofHours(7))), "/api/v1/probe/dates?asOf=2027-01-01"));
    }

    @Test
    void the_services_verify_tokens_through_the_cache_of_verified_ones() {
        assertInstanceOf(VerifiedTokens.class, parser);
        assertEquals(200, status(TestTokens.admin(), "/api/v1/probe/dates?asOf=2027-01-01"));
    }

    @Test
    void a_token_for_another_audience_is_401() {
        given().header("Authorization", TestTokens.bearer(TestTokens.forAudience("admin", "another-system")))
                .get("/api/v1/probe/dates?asOf=2027-01-01")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void a_token_issued_more_than_8_hours_ago_is_401_even_before_it_expires() {
        given().header("Authorization", TestTokens.bearer(TestTokens.issuedAt("admin", Instant.now().minus(Duration.ofHours(9)))))
                .get("/api/v1/probe/dates?asOf=2027-01-01")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void an_operation_without_a_role_annotation_is_denied_to_every_token() {
        given().get("/api/v1/probe/forgotten").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .get("/api/v1/probe/forgotten").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/probe/open").then().statusCode(200);
    }
}
