package dk.trials.trial.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.trials.events.trial.ComparisonPlan;
import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.trial.Design;
import dk.trials.trial.SampleSize;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialDesigns;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dk.trials.trial.TrialDesigns.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published design is the stored design, field for field: consumers see exactly what was validated and hashed,
 * so the hash an event carries is the hash of the design it carries.
 */
class TrialSnapshotsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void everyFieldOfAPoweredDesignIsPublished() throws Exception {
        assertPublishedAsStored(TrialDesigns.POWERED_RCT);
    }

    @Test
    void aMinimisedDesignWithAHazardRatioAndAbsentBoundsIsPublishedAsStored() throws Exception {
        assertPublishedAsStored(TrialDesigns.rct(d -> {
            d.set("randomisation", object("{\"method\": \"MINIMISATION\", \"minimisationFactors\": [\"jobcentre\", \"gender\"], "
                    + "\"minimisationProbability\": 0.9}"));
            d.set("eligibility", object("{\"maxAge\": 29}"));
            d.set("power", object("{\"baselineIncidence\": 0.3, \"minimumDetectableDifference\": 0.05, \"alpha\": 0.05, "
                    + "\"power\": 0.8, \"hazardRatio\": 1.2}"));
        }));
    }

    @Test
    void theSnapshotCarriesTheTrialsStateBesideItsDesign() throws Exception {
        Trial trial = new Trial();
        trial.id = UUID.randomUUID();
        trial.status = TrialStatus.RECRUITING;
        trial.replaceDesign(json.readValue(TrialDesigns.POWERED_RCT, Design.class));
        trial.designHash = "a".repeat(64);
        trial.plannedEvents = 881;
        trial.amendments = 2;
        trial.trialVersion = 5;

        TrialSnapshot snapshot = TrialSnapshots.of(trial);

        assertEquals(new TrialSnapshot(trial.id, TrialStatus.RECRUITING, TrialSnapshots.design(trial.design), "a".repeat(64),
                881, 2, List.of(), 5L), snapshot);
    }

    @Test
    void aDesignWithAPlanPublishesItPartForPart() throws Exception {
        assertPublishedAsStored(TrialDesigns.rct(d -> d.set("monitoringPlan", object("""
                {"informationFractions": [0.3, 0.6, 1.0], "spending": {"family": "asKD", "gamma": 2.5},
                 "futility": {"method": "BETA_SPENDING", "betaSpending": "bsHSD", "gamma": -2.0, "conditionalPowerBelow": null},
                 "reportingLagDays": 7, "lookTime": "07:30"}"""))));
    }

    @Test
    void aTrialOpenedBeforePlansExistedKeepsANullPlanWhichConsumersReadAsTheLegacyOne() throws Exception {
        TrialDesign published = TrialSnapshots.design(json.readValue(TrialDesigns.POWERED_RCT, Design.class));
        assertNull(published.monitoringPlan());
        assertEquals(MonitoringPlan.legacy(), published.monitoringPlanOrLegacy());
    }

    @Test
    void eachComparisonsFrozenSizeTravelsWithItsLevelEventsAndTheArmsPlannedParticipants() {
        SampleSize size = new SampleSize(0.3, 0.35, 0.05, 0.8, 1.2, true, List.of(
                new SampleSize.ArmSampleSize("a", 1, false, 1690), new SampleSize.ArmSampleSize("b", 2, false, 3380),
                new SampleSize.ArmSampleSize("control", 1, true, 1690)), 6760, List.of(
                new SampleSize.ComparisonSampleSize("a", "control", 1, 1689.85, 1689.85, 1081.58, 1082, 0.025, 1.0138),
                new SampleSize.ComparisonSampleSize("b", "control", 2, 2546.1, 1273.05, 1218.4, 1219, 0.025, 1.0138)), 1219);

        assertEquals(List.of(new ComparisonPlan("a", "control", 0.025, 1082, 1690, 1690),
                new ComparisonPlan("b", "control", 0.025, 1219, 3380, 1690)), TrialSnapshots.comparisonPlans(size));
    }

    @Test
    void aSizeStoredBeforeLevelsWereRecordedWasComputedAtTheTrialsAlpha() {
        SampleSize stored = new SampleSize(0.3, 0.35, 0.05, 0.8, 1.2, true, List.of(
                new SampleSize.ArmSampleSize("treatment", 1, false, 1377), new SampleSize.ArmSampleSize("control", 1, true, 1377)),
                2754, List.of(new SampleSize.ComparisonSampleSize("treatment", "control", 1, 1376.3, 1376.3, 880.96, 881,
                null, null)), 881);
        assertEquals(List.of(new ComparisonPlan("treatment", "control", 0.05, 881, 1377, 1377)),
                TrialSnapshots.comparisonPlans(stored));
    }

    @Test
    void aDraftOrADesignWithoutPowerHasNoComparisonPlans() {
        assertEquals(List.of(), TrialSnapshots.comparisonPlans(null));
    }

    /**
     * The stored design leaves out a plan it has none of (so that its hash is the one it had before plans existed);
     * the event says so with an explicit null.
     */
    private void assertPublishedAsStored(String sent) throws Exception {
        Design stored = json.readValue(sent, Design.class);
        ObjectNode published = json.valueToTree(TrialSnapshots.design(stored));
        if (stored.monitoringPlan() == null) {
            assertTrue(published.remove("monitoringPlan").isNull());
        }
        assertEquals(json.valueToTree(stored), published);
    }
}
