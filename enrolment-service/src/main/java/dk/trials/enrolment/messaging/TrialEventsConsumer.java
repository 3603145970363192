package dk.trials.enrolment.messaging;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.MalformedEventException;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.platform.inbox.ProcessedEvents;
import dk.trials.enrolment.service.KnownTrials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;


/**
 * Learns trials from {@code trial-events}: every trial event carries the full snapshot, so each one simply replaces
 * what is known. Repeated deliveries are dropped by event id; event types this service does not know are skipped.
 */
@ApplicationScoped
public class TrialEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TrialEventsConsumer.class);

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final KnownTrials trials;

    public TrialEventsConsumer(EventCodec codec, ProcessedEvents processed, KnownTrials trials) {
        this.codec = codec;
        this.processed = processed;
        this.trials = trials;
    }

    @Incoming("trial-events")
    @Transactional
    public void onTrialEvent(String json) {
        EventEnvelope envelope = codec.decode(json);
        if (envelope.knownType().filter(t -> t.topic().equals(Topics.TRIAL_EVENTS)).isEmpty()) {
            LOG.debugf("Skipping event %s of unknown type %s", envelope.eventId(), envelope.type());
            return;
        }
        if (envelope.version() > EventType.CURRENT_VERSION) {
            throw new MalformedEventException("Event " + envelope.eventId() + " has version " + envelope.version()
                    + ", newer than this service reads", null);
        }
        if (!processed.firstDelivery(envelope)) {
            return;
        }
        TrialSnapshot snapshot = codec.payload(envelope, TrialSnapshot.class);
        if (trials.learn(snapshot, envelope.occurredAt(), envelope.payload().toString())) {
            LOG.infof("Trial %s is %s (%s)", snapshot.trialId(), snapshot.status(), envelope.type());
        } else {
            LOG.infof("Ignoring %s %s of trial %s: a later event is already applied", envelope.type(), envelope.eventId(),
                    snapshot.trialId());
        }
    }
}
