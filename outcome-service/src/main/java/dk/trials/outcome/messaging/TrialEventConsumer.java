package dk.trials.outcome.messaging;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.platform.inbox.ProcessedEvents;
import dk.trials.outcome.service.TrialPlans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.Set;

/** Learns trials (arms, control, horizon, planned events) from trial-events. */
@ApplicationScoped
public class TrialEventConsumer {

    private static final Logger LOG = Logger.getLogger(TrialEventConsumer.class);
    private static final Set<EventType> TRIAL_EVENTS = EnumSet.of(EventType.TRIAL_OPENED, EventType.TRIAL_PAUSED,
            EventType.TRIAL_RESUMED, EventType.TRIAL_CLOSED, EventType.TRIAL_COMPLETED, EventType.TRIAL_AMENDED);

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final TrialPlans plans;

    public TrialEventConsumer(EventCodec codec, ProcessedEvents processed, TrialPlans plans) {
        this.codec = codec;
        this.processed = processed;
        this.plans = plans;
    }

    @Incoming("trial-events")
    @Transactional
    public void onTrialEvent(String json) {
        EventEnvelope envelope = codec.decode(json);
        EventType type = envelope.knownType().orElse(null);
        if (type == null || !TRIAL_EVENTS.contains(type)) {
            LOG.debugf("Ignoring %s on trial-events", envelope.type());
            return;
        }
        if (!processed.firstDelivery(envelope)) {
            return;
        }
        plans.apply(codec.payload(envelope, TrialSnapshot.class));
    }
}
