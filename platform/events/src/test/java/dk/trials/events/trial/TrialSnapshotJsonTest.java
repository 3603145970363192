package dk.trials.events.trial;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The trialVersion on the wire: read when present, null on an event published before it existed. */
class TrialSnapshotJsonTest {

    // As the services' mapper is configured: a field a newer producer adds is ignored, not a failure.
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final UUID trialId = UUID.fromString("6f1c2d4e-0000-4000-8000-000000000001");

    @Test
    void aVersionedSnapshotReadsBackWithItsVersion() throws Exception {
        TrialSnapshot sent = new TrialSnapshot(trialId, TrialStatus.PAUSED, null, "a".repeat(64), 899, 1, null, 3L);
        String wire = json.writeValueAsString(sent);

        assertEquals(3, json.readTree(wire).get("trialVersion").asLong());
        assertEquals(sent, json.readValue(wire, TrialSnapshot.class));
    }

    @Test
    void aSnapshotPublishedBeforeVersionsExistedReadsWithANullVersion() throws Exception {
        TrialSnapshot read = json.readValue("""
                {"trialId": "%s", "status": "RECRUITING", "designHash": "%s", "plannedEvents": 899, "amendment": 0}"""
                .formatted(trialId, "b".repeat(64)), TrialSnapshot.class);

        assertNull(read.trialVersion());
        assertEquals(TrialStatus.RECRUITING, read.status());
    }
}
