package dk.trials.trial.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.trial.Design;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialDesigns;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dk.trials.trial.TrialDesigns.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

        TrialSnapshot snapshot = TrialSnapshots.of(trial);

        assertEquals(new TrialSnapshot(trial.id, TrialStatus.RECRUITING, TrialSnapshots.design(trial.design), "a".repeat(64),
                881, 2), snapshot);
    }

    private void assertPublishedAsStored(String sent) throws Exception {
        Design stored = json.readValue(sent, Design.class);
        assertEquals(json.valueToTree(stored), json.valueToTree(TrialSnapshots.design(stored)));
    }
}
