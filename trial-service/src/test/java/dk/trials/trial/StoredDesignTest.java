package dk.trials.trial;

import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A trial stored before the design had its own type, or before monitoring plans, reads, hashes and amends as it did:
 * the stored documents keep their shape, so no migration rewrites them. An opened one is monitored by the legacy plan
 * and keeps its size; a draft takes the default plan when it opens.
 */
@QuarkusTest
class StoredDesignTest {

    /** The powered RCT's design column exactly as the previous version wrote it (dates as arrays). */
    private static final String STORED_DESIGN = """
            {"arms": [{"code": "treatment", "name": "Intensive contact", "control": false, "allocationWeight": 1},
                      {"code": "control", "name": "Ordinary effort", "control": true, "allocationWeight": 1}],
             "type": "RCT",
             "power": {"alpha": 0.05, "power": 0.8, "hazardRatio": null, "baselineIncidence": 0.3, "minimumDetectableDifference": 0.05},
             "title": "Early intensive contact for young dagpenge recipients", "jobcentres": ["101", "147", "751"],
             "eligibility": {"maxAge": 29, "minAge": 18, "benefitTypes": ["DAGPENGE"], "maxWeeksUnemployed": 52},
             "targetGroup": "DAGPENGE",
             "randomisation": {"method": "PERMUTED_BLOCK", "ageBands": [18, 25, 30], "blockSizes": [4, 6],
                               "stratifyBy": ["jobcentre", "ageBand"], "minimisationFactors": null, "minimisationProbability": null},
             "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
             "enrolmentPeriod": {"end": [2027, 12, 31], "start": [2027, 1, 1]}, "plannedParticipants": 2000}""";

    private static final String STORED_SAMPLE_SIZE = """
            {"arms": [{"arm": "treatment", "control": false, "participants": 1377, "allocationWeight": 1},
                      {"arm": "control", "control": true, "participants": 1377, "allocationWeight": 1}],
             "alpha": 0.05, "power": 0.8, "events": 881,
             "comparisons": [{"arm": "treatment", "events": 881, "versus": "control", "eventsExact": 880.9642154042953,
                              "allocationRatio": 1.0, "armParticipants": 1376.2988682907196, "versusParticipants": 1376.2988682907196}],
             "hazardRatio": 1.2077745392915846, "participants": 2754, "controlIncidence": 0.3, "hazardRatioDerived": true,
             "treatmentIncidence": 0.35}""";

    /** The hash the previous version recorded for this design when the trial opened. */
    private static final String HASH_AT_OPENING = "e511c0273cb01d56cd7a6e1b3188b0e18a4accf684bc7f228c08f5ce6ac0c959";

    @Inject
    EntityManager entityManager;

    @Test
    void aTrialStoredByThePreviousVersionReadsHashesAndAmendsAsBefore() {
        UUID id = stored("RECRUITING", HASH_AT_OPENING, 881, STORED_SAMPLE_SIZE);

        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().statusCode(200)
                .body("type", equalTo("RCT"))
                .body("enrolmentPeriod.start", equalTo("2027-01-01"))
                .body("randomisation.stratifyBy", contains("jobcentre", "ageBand"))
                .body("sampleSize.events", equalTo(881))
                .body("sampleSize.comparisons[0].versus", equalTo("control"))
                .body("sampleSize.comparisons[0].alpha", nullValue())
                .body("sampleSize.comparisons[0].inflationFactor", nullValue());

        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body("{\"reason\": \"More participants\", \"plannedParticipants\": 2500}")
                .post("/api/v1/trials/{id}/amendments", id)
                .then().statusCode(201).body("designHashBefore", equalTo(HASH_AT_OPENING));
        // The audit entry hashes the stored design anew: the same design, the same hash.
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/audit", id)
                .then().statusCode(200).body("[0].designHashBefore", equalTo(HASH_AT_OPENING));
    }

    @Test
    void aTrialOpenedBeforePlansExistedShowsTheLegacyClassicPlanNamedAsSuchAndKeepsItsSize() {
        UUID id = stored("RECRUITING", HASH_AT_OPENING, 881, STORED_SAMPLE_SIZE);

        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/trials/{id}", id)
                .then().statusCode(200)
                .body("designHash", equalTo(HASH_AT_OPENING))
                .body("monitoringPlan.legacy", equalTo(true))
                .body("monitoringPlan.spending.family", equalTo("LanDeMetsClassic"))
                .body("monitoringPlan.informationFractions", hasSize(10))
                .body("monitoringPlan.description", startsWith("Legacy plan of a trial opened before monitoring plans existed"))
                .body("plannedEvents", equalTo(881))
                .body("sampleSize.arms.participants", contains(1377, 1377));
    }

    @Test
    void aLegacyTrialsPlanAmendmentStartsFromTheLegacyPlan() throws Exception {
        UUID id = stored("RECRUITING", HASH_AT_OPENING, 881, STORED_SAMPLE_SIZE);

        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body("{\"reason\": \"Registers report faster now\", \"monitoringPlan\": {\"reportingLagDays\": 7}}")
                .post("/api/v1/trials/{id}/amendments", id)
                .then().statusCode(201)
                .body("monitoringPlanBefore.legacy", equalTo(true))
                .body("monitoringPlanBefore.reportingLagDays", equalTo(14))
                .body("monitoringPlan.legacy", equalTo(false))
                .body("monitoringPlan.spending.family", equalTo("LanDeMetsClassic"))
                .body("monitoringPlan.informationFractions", hasSize(10))
                .body("monitoringPlan.reportingLagDays", equalTo(7));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/trials/{id}/audit", id)
                .then().statusCode(200)
                .body("[0].detail", equalTo("amendment 1: Registers report faster now; monitoring plan reportingLagDays 14 → 7 "
                        + "(from the legacy plan)"));
        // Ten looks is the most a plan takes: the legacy plan has no room for another.
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body("{\"reason\": \"One more\", \"monitoringPlan\": {\"informationFractions\": "
                        + "[0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]}}")
                .post("/api/v1/trials/{id}/amendments", id)
                .then().statusCode(422).body("errors[0].field", equalTo("monitoringPlan.informationFractions"));
    }

    @Test
    void aDraftStoredBeforePlansExistedShowsTheDefaultsAndOpensWithThem() {
        UUID id = stored("DRAFT", null, null, null);

        given().auth().oauth2(TestTokens.designer()).get("/api/v1/trials/{id}", id)
                .then().statusCode(200)
                .body("monitoringPlan.legacy", equalTo(false))
                .body("monitoringPlan.spending.family", equalTo("asOF"))
                .body("sampleSize.events", equalTo(899));
        String hash = given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", id)
                .then().statusCode(200)
                .body("monitoringPlan.informationFractions", contains(0.5f, 0.75f, 1.0f))
                .body("plannedEvents", equalTo(899))
                .extract().path("designHash");
        // What was hashed is the design with the default plan, not the one stored without.
        assertNotEquals(HASH_AT_OPENING, hash);
    }

    /** A trial row as the previous version wrote it: opened with its hash and size, or a draft with neither. */
    private UUID stored(String status, String hash, Integer plannedEvents, String sampleSize) {
        UUID id = UUID.randomUUID();
        boolean opened = hash != null;
        QuarkusTransaction.requiringNew().run(() -> {
            var insert = entityManager.createNativeQuery("""
                            insert into trial (id, status, type, title, design, design_hash, planned_events, sample_size, amendments,
                                               created_by, created_at, updated_by, updated_at)
                            values (:id, :status, 'RCT', 'Early intensive contact for young dagpenge recipients',
                                    cast(:design as jsonb), %s, 0,
                                    'designer', timestamptz '2026-11-20 09:00:00Z', 'designer', timestamptz '2026-11-25 08:15:00Z')"""
                            .formatted(opened ? ":hash, :plannedEvents, cast(:sampleSize as jsonb)" : "null, null, null"))
                    .setParameter("id", id).setParameter("status", status).setParameter("design", STORED_DESIGN);
            if (opened) {
                insert.setParameter("hash", hash).setParameter("plannedEvents", plannedEvents)
                        .setParameter("sampleSize", sampleSize);
            }
            insert.executeUpdate();
        });
        return id;
    }
}
