package dk.trials.enrolment.rest;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventType;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.testing.TestTokens;
import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RecruitmentTest {

    @Inject
    EventCodec codec;

    @Test
    void blockArmCountsStayConcealedWhileRecruitingAndAreShownWithTheMismatchCheckAfterwards() {
        TrialDesign design = Trials.design(Trials.blocks(List.of(4), StratificationFactor.JOBCENTRE), Trials.ONE_TO_ONE);
        UUID trialId = Trials.open(codec, design);
        for (int i = 0; i < 9; i++) {
            String jobcentre = i < 6 ? "101" : "147";
            enrol(trialId, TestTokens.jobcentre(jobcentre), citizen(Citizens.aged(25), jobcentre)).then().statusCode(201);
        }

        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/recruitment", trialId)
                .then().statusCode(200)
                .body("participants", equalTo(9))
                .body("armCountsConcealed", equalTo(true))
                .body("byArm", nullValue())
                .body("sampleRatioMismatch.flagged", equalTo(false))
                .body("sampleRatioMismatch", not(hasKey("pValue")))
                .body("byStratum", hasSize(2))
                .body("byStratum[0].key", equalTo("jobcentre=101"))
                .body("byStratum[0].participants", equalTo(6))
                .body("byStratum.byArm", everyItem(nullValue()))
                .body("byJobcentre.byArm", everyItem(nullValue()));
        given().auth().oauth2(TestTokens.jobcentre("101")).get("/api/v1/trials/{id}/recruitment", trialId)
                .then().statusCode(403);

        Trials.publish(codec, EventType.TRIAL_CLOSED, trialId, TrialStatus.FOLLOW_UP, design);

        JsonPath after = given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/recruitment", trialId)
                .then().statusCode(200)
                .body("armCountsConcealed", equalTo(false))
                .body("sampleRatioMismatch.pValue", notNullValue())
                .body("sampleRatioMismatch.degreesOfFreedom", equalTo(1))
                .body("byStratum[0].sampleRatioMismatch.testable", equalTo(false))
                .extract().jsonPath();
        assertEquals(9, after.getInt("byArm.treatment") + after.getInt("byArm.control"));
        assertEquals(3, after.getInt("byStratum[1].byArm.treatment") + after.getInt("byStratum[1].byArm.control"));
        assertEquals(6, after.getInt("byJobcentre[0].byArm.treatment") + after.getInt("byJobcentre[0].byArm.control"));
    }

    @Test
    void simpleRandomisationShowsTrialWideArmCountsWhileRecruiting() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        for (int i = 0; i < 4; i++) {
            enrol(trialId, TestTokens.jobcentre("751"), citizen(Citizens.aged(21), "751")).then().statusCode(201);
        }
        JsonPath view = given().auth().oauth2(TestTokens.designer()).get("/api/v1/trials/{id}/recruitment", trialId)
                .then().statusCode(200)
                .body("byStratum[0].key", equalTo("all"))
                .body("byStratum[0].byArm", nullValue())
                .extract().jsonPath();
        assertEquals(4, view.getInt("byArm.treatment") + view.getInt("byArm.control"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}/recruitment", UUID.randomUUID())
                .then().statusCode(404);
    }
}
