package dk.trials.outcome.messaging;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.platform.inbox.ProcessedEvents;
import dk.trials.outcome.service.EnrolmentProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Counts participants in the aggregates as enrolment-events allocate them, in the transaction of the event. */
@ApplicationScoped
public class EnrolmentEventConsumer {

    private static final Logger LOG = Logger.getLogger(EnrolmentEventConsumer.class);

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final EnrolmentProjection projection;

    public EnrolmentEventConsumer(EventCodec codec, ProcessedEvents processed, EnrolmentProjection projection) {
        this.codec = codec;
        this.processed = processed;
        this.projection = projection;
    }

    @Incoming("enrolment-events")
    @Transactional
    public void onEnrolmentEvent(String json) {
        EventEnvelope envelope = codec.decode(json);
        EventType type = envelope.knownType().orElse(null);
        if (type != EventType.PARTICIPANT_ENROLLED && type != EventType.PARTICIPANT_WITHDRAWN) {
            LOG.debugf("Ignoring %s on enrolment-events", envelope.type());
            return;
        }
        if (!processed.firstDelivery(envelope)) {
            return;
        }
        if (type == EventType.PARTICIPANT_ENROLLED) {
            projection.enrolled(codec.payload(envelope, ParticipantEnrolled.class));
        } else {
            projection.withdrawn(codec.payload(envelope, ParticipantWithdrawn.class));
        }
    }
}
