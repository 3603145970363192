package dk.trials.trial.rest;

import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class JobcentreResourceTest {

    @Test
    void allNinetyEightMunicipalitiesAreListedByCode() {
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/jobcentres")
                .then().statusCode(200)
                .body("$", hasSize(98))
                .body("[0].code", equalTo("101"))
                .body("[0].name", equalTo("København"))
                .body("[97].code", equalTo("860"))
                .body("[97].name", equalTo("Hjørring"));
    }

    @Test
    void oneMunicipalityByCodeAndAnUnknownCodeIsNotFound() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/jobcentres/461")
                .then().statusCode(200).body("name", equalTo("Odense")).body("region", equalTo("Region Syddanmark"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/jobcentres/411")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/jobcentres").then().statusCode(401);
    }
}
