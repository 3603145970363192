package dk.trials.enrolment.service;

import dk.trials.enrolment.Citizens;
import dk.trials.enrolment.Trials;
import dk.trials.events.trial.RandomisationDesign;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gauge behind the sample-ratio-mismatch alert counts the recruiting trials whose allocation ratio is off. */
@QuarkusTest
class SampleRatioMetricsTest {

    @Inject
    EventCodec codec;
    @Inject
    SampleRatioMetrics metrics;

    @Test
    void aRecruitingTrialWhoseArmsAreFarFromTheirWeightsIsCountedOnce() {
        int before = metrics.count();
        UUID balanced = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        importAllocations(balanced, 20, 20);
        assertEquals(before, metrics.count(), "20:20 under 1:1 weights is no mismatch");

        UUID skewed = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        importAllocations(skewed, 40, 2);
        assertEquals(before + 1, metrics.count(), "40:2 under 1:1 weights is flagged (p < 0.001)");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("trials_recruitment_sample_ratio_mismatch_trials " + (before + 1) + ".0"));
    }

    @Test
    void aRecruitingTrialWhoseDesignCannotBeRandomisedIsNoMismatchAndStopsNoCount() {
        int before = metrics.count();
        Trials.open(codec, Trials.design(new RandomisationDesign(RandomisationMethod.MINIMISATION, null, null, null,
                List.of(StratificationFactor.JOBCENTRE), 1.5), Trials.ONE_TO_ONE));
        assertEquals(before, metrics.count());
    }

    private static void importAllocations(UUID trialId, int treatment, int control) {
        LocalDate enrolledOn = LocalDate.now(Citizens.COPENHAGEN).minusDays(10);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < treatment + control; i++) {
            lines.add(Map.of("cpr", Citizens.aged(20 + i % 8), "jobcentre", "101", "benefitType", "DAGPENGE",
                    "arm", i < treatment ? "treatment" : "control", "enrolledOn", enrolledOn.toString()));
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("enrolments", lines))
                .post("/api/v1/trials/{id}/enrolments/import", trialId)
                .then().statusCode(200);
    }
}
