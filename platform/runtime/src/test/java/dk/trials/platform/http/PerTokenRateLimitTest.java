package dk.trials.platform.http;

import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Each token gets its burst and then its rate; others are not held up, and neither are the operator endpoints. */
@QuarkusTest
@TestProfile(PerTokenRateLimitTest.TinyLimit.class)
class PerTokenRateLimitTest {

    /** A burst of 3 and then 1 request every 100 s: the fourth request of a test is refused. */
    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trials.rate-limit.requests-per-second", "0.01", "trials.rate-limit.burst", "3");
        }
    }

    private static int get(String token) {
        return given().header("Authorization", TestTokens.bearer(token)).get("/api/v1/probe/open").then().extract().statusCode();
    }

    @Test
    void a_token_past_its_burst_is_429_with_retry_after_and_another_token_goes_ahead() {
        String busy = TestTokens.token("analyst", null);
        for (int i = 0; i < 3; i++) {
            get(busy);
        }

        given().header("Authorization", TestTokens.bearer(busy)).get("/api/v1/probe/open").then()
                .statusCode(429).contentType("application/problem+json")
                .header("Retry-After", equalTo("100"))
                .body("status", equalTo(429));
        given().header("Authorization", TestTokens.bearer(TestTokens.token("designer", null)))
                .get("/api/v1/probe/open").then().statusCode(200);
    }

    @Test
    void requests_without_a_token_and_operator_endpoints_are_not_limited_by_it() {
        for (int i = 0; i < 10; i++) {
            given().get("/api/v1/probe/open").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
        }
    }

    @Test
    void the_refused_cpr_lookups_series_are_exposed_for_an_alert() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("trials_cpr_lookups_refused_total{reason=\"enrolled-elsewhere\"} 0.0"))
                .body(containsString("trials_cpr_lookups_refused_total{reason=\"not-own-participant\"} 0.0"));
    }
}
