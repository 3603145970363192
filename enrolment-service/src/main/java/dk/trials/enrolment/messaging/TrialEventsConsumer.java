package dk.trials.enrolment.messaging;

import dk.trials.enrolment.service.KnownTrials;
import dk.trials.enrolment.service.TrialChange;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns trials from {@code trial-events}: every trial event carries the whole trial, so each one replaces what is
 * known unless a later one was applied already (the stale-event rule, {@link TrialChange#supersedes}). Decoding,
 * repeats and unknown types are the {@link Inbox}'s.
 */
@ApplicationScoped
public class TrialEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TrialEventsConsumer.class);

    private final Inbox inbox;
    private final KnownTrials trials;
    private final Inbox.Routes routes;

    public TrialEventsConsumer(Inbox inbox, KnownTrials trials) {
        this.inbox = inbox;
        this.trials = trials;
        this.routes = Inbox.onEach(EventType.onTopic(Topics.TRIAL_EVENTS), TrialSnapshot.class, this::learn);
    }

    @Incoming("trial-events")
    @Transactional
    public void onTrialEvent(String json) {
        inbox.receive(json, routes);
    }

    private void learn(EventEnvelope envelope, TrialSnapshot snapshot) {
        TrialChange change = new TrialChange(snapshot.trialId(), snapshot.status(), TrialDocuments.of(snapshot.design()),
                envelope.occurredAt());
        if (trials.learn(change)) {
            LOG.infof("Trial %s is %s (%s)", snapshot.trialId(), snapshot.status(), envelope.type());
        } else {
            LOG.infof("Ignoring %s %s of trial %s: a later event is already applied", envelope.type(),
                    envelope.eventId(), snapshot.trialId());
        }
    }
}
