package dk.trials.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.MalformedEventException;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.platform.messaging.EventCodec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InboxTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final EventCodec codec = new EventCodec(mapper, Clock.fixed(Instant.parse("2027-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final RecordedIds recorded = new RecordedIds();
    private final Inbox inbox = new Inbox(codec, recorded);
    private final List<ParticipantWithdrawn> handled = new ArrayList<>();
    private final Inbox.Routes withdrawals = Inbox.on(EventType.PARTICIPANT_WITHDRAWN, ParticipantWithdrawn.class,
            (envelope, withdrawal) -> handled.add(withdrawal));

    private final UUID trialId = UUID.randomUUID();
    private final ParticipantWithdrawn withdrawal =
            new ParticipantWithdrawn(UUID.randomUUID(), trialId, "pseudonym", LocalDate.parse("2027-02-01"));

    @Test
    void a_routed_event_reaches_its_handler_as_the_typed_payload() {
        assertTrue(inbox.receive(codec.encode(codec.envelope(EventType.PARTICIPANT_WITHDRAWN, trialId, withdrawal)), withdrawals));

        assertEquals(List.of(withdrawal), handled);
    }

    @Test
    void a_redelivered_event_has_no_second_effect() {
        String json = codec.encode(codec.envelope(EventType.PARTICIPANT_WITHDRAWN, trialId, withdrawal));

        inbox.receive(json, withdrawals);
        assertFalse(inbox.receive(json, withdrawals));

        assertEquals(1, handled.size());
    }

    @Test
    void a_type_the_consumer_does_not_route_is_skipped_without_recording_its_id() {
        String json = codec.encode(codec.envelope(EventType.TRIAL_PAUSED, trialId, withdrawal));

        assertFalse(inbox.receive(json, withdrawals));

        assertTrue(handled.isEmpty());
        assertTrue(recorded.ids.isEmpty());
    }

    @Test
    void an_envelope_newer_than_this_service_reads_is_refused_before_anything_is_recorded() {
        EventEnvelope current = codec.envelope(EventType.PARTICIPANT_WITHDRAWN, trialId, withdrawal);
        EventEnvelope newer = new EventEnvelope(current.eventId(), current.type(), EventType.CURRENT_VERSION + 1,
                current.occurredAt(), current.trialId(), current.payload());

        assertThrows(MalformedEventException.class, () -> inbox.receive(codec.encode(newer), withdrawals));

        assertTrue(handled.isEmpty());
        assertTrue(recorded.ids.isEmpty());
    }

    @Test
    void a_record_that_is_not_an_envelope_is_malformed() {
        assertThrows(MalformedEventException.class, () -> inbox.receive("{\"eventId\": 42", withdrawals));
    }

    /** The duplicate detector without a database: the first delivery of an id is the only one that goes on. */
    private static final class RecordedIds extends ProcessedEvents {
        final Set<UUID> ids = new HashSet<>();

        RecordedIds() {
            super(null);
        }

        @Override
        public boolean firstDelivery(EventEnvelope envelope) {
            return ids.add(envelope.eventId());
        }
    }
}
