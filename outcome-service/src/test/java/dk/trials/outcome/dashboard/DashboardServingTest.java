package dk.trials.outcome.dashboard;

import dk.trials.outcome.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page and its charting library load without a token (only the data calls need one), from this origin, and the
 * page may run scripts from this origin only.
 */
@QuarkusTest
class DashboardServingTest extends TestInfrastructure {

    @Test
    void thePageLoadsWithoutATokenUnderAPolicyThatAllowsScriptsFromThisOriginOnly() {
        String policy = given().get("/dashboard/").then().statusCode(200)
                .body(containsString("<script type=\"module\" src=\"dashboard.js\"></script>"))
                .extract().header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("connect-src 'self';"), policy);
        assertEquals("no-referrer", given().get("/dashboard/dashboard.js").then().statusCode(200)
                .extract().header("Referrer-Policy"));
    }

    @Test
    void theAddressWithoutTheSlashLeadsToThePage() {
        given().redirects().follow(false).get("/dashboard").then().statusCode(301).header("Location", "/dashboard/");
    }

    @Test
    void echartsIsServedFromItsWebjarAtThePathThePageImports() {
        String module = given().get("/dashboard/dashboard.js").then().statusCode(200).extract().asString();
        assertTrue(module.contains("from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js'"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.esm.min.js").then().statusCode(200)
                .contentType(containsString("javascript"));
    }
}
