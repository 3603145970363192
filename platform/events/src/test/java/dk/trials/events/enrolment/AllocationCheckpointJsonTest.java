package dk.trials.events.enrolment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The enrolment number and the allocation checkpoint on the wire. */
class AllocationCheckpointJsonTest {

    // As the services' mapper is configured: a field a newer producer adds is ignored, not a failure.
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final UUID trialId = UUID.fromString("6f1c2d4e-0000-4000-8000-000000000001");

    @Test
    void aCheckpointReadsBackWithItsCountsPerArm() throws Exception {
        AllocationCheckpoint sent = new AllocationCheckpoint(trialId, 2001, Map.of("control", 1000L, "treatment", 1001L),
                12, Instant.parse("2027-06-30T08:01:00Z"), new EligibilityScreening(40, Map.of("AGE", 30L, "BENEFIT_TYPE", 15L)));
        String wire = json.writeValueAsString(sent);

        assertEquals(1001, json.readTree(wire).at("/allocatedPerArm/treatment").asLong());
        assertEquals(30, json.readTree(wire).at("/screening/excludedByReason/AGE").asLong());
        assertEquals(sent, json.readValue(wire, AllocationCheckpoint.class));
    }

    @Test
    void aCheckpointFromAProducerThatDidNotCountScreeningsReadsWithNone() throws Exception {
        AllocationCheckpoint old = json.readValue("""
                {"trialId": "%s", "upToSequence": 2, "allocatedPerArm": {"control": 1, "treatment": 1},
                 "withdrawn": 0, "publishedAt": "2027-06-30T08:01:00Z"}""".formatted(trialId), AllocationCheckpoint.class);

        assertNull(old.screening());
        assertEquals(2, old.upToSequence());
    }

    @Test
    void aNumberedEnrolmentReadsBackWithItsNumberAndOnePublishedBeforeNumbersWithNone() throws Exception {
        ParticipantEnrolled numbered = new ParticipantEnrolled(UUID.randomUUID(), trialId, "p", "control", "101", "s",
                Instant.parse("2027-02-01T08:00:00Z"), LocalDate.of(2027, 2, 1), false, 7L);
        assertEquals(numbered, json.readValue(json.writeValueAsString(numbered), ParticipantEnrolled.class));

        ParticipantEnrolled old = json.readValue("""
                {"enrolmentId": "%s", "trialId": "%s", "participant": "p", "arm": "control", "jobcentre": "101",
                 "stratum": "s", "enrolledAt": "2027-02-01T08:00:00Z", "enrolledOn": "2027-02-01", "imported": false}"""
                .formatted(UUID.randomUUID(), trialId), ParticipantEnrolled.class);
        assertNull(old.sequence());
    }
}
