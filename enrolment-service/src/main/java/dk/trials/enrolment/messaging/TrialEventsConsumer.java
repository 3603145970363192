package dk.trials.enrolment.messaging;

import dk.trials.enrolment.service.KnownTrials;
import dk.trials.enrolment.service.TrialChange;
import dk.trials.events.EventEnvelope;
import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.platform.inbox.Inbox;
import dk.trials.platform.inbox.RetryingInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * Learns trials from {@code trial-events}: every trial event carries the whole trial, so each one replaces what is
 * known unless a later one, by its {@code trialVersion}, was applied already (the stale-event rule,
 * {@link TrialChange#supersedes}). Decoding,
 * repeats and unknown types are the {@link Inbox}'s; retrying a transient failure on the same record, and sending
 * any other failure to {@code trial-events.enrolment-service.dlq}, the {@link RetryingInbox}'s. Blocking (ordered):
 * one record at a time on a worker thread, so a record being retried holds back the ones behind it.
 */
@ApplicationScoped
public class TrialEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TrialEventsConsumer.class);

    /** The channel, named as the topic it reads. */
    public static final String CHANNEL = Topics.TRIAL_EVENTS;

    private final RetryingInbox inbox;
    private final KnownTrials trials;
    private final Inbox.Routes routes;

    public TrialEventsConsumer(RetryingInbox inbox, KnownTrials trials) {
        this.inbox = inbox;
        this.trials = trials;
        this.routes = Inbox.onEach(EventType.onTopic(Topics.TRIAL_EVENTS), TrialSnapshot.class, this::learn);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onTrialEvent(Message<String> record) {
        return inbox.deliver(record, routes);
    }

    /** How this consumer applies a trial event, for replaying one from the dead-letter topic. */
    public Inbox.Routes routes() {
        return routes;
    }

    private void learn(EventEnvelope envelope, TrialSnapshot snapshot) {
        TrialChange change = new TrialChange(snapshot.trialId(), snapshot.status(), TrialDocuments.of(snapshot.design()),
                snapshot.trialVersion(), envelope.occurredAt());
        if (trials.learn(change)) {
            LOG.infof("Trial %s is %s (%s)", snapshot.trialId(), snapshot.status(), envelope.type());
        } else {
            LOG.infof("Ignoring %s %s of trial %s: a later event is already applied", envelope.type(),
                    envelope.eventId(), snapshot.trialId());
        }
    }
}
