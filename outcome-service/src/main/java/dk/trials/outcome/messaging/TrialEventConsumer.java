package dk.trials.outcome.messaging;

import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.outcome.service.TrialPlans;
import dk.trials.platform.inbox.Inbox;
import dk.trials.platform.inbox.RetryingInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Learns trials (arms and weights, control, horizon, planned events per comparison, the monitoring plan) from
 * trial-events: every trial event carries the trial as it stands, and its {@code trialVersion} (when it occurred, on
 * events published before versions) decides whether it is newer than what is known. The {@link Inbox} has refused an
 * envelope whose schema version is newer than this service reads before the payload is read.
 */
@ApplicationScoped
public class TrialEventConsumer {

    private final RetryingInbox inbox;
    private final Inbox.Routes routes;

    public TrialEventConsumer(RetryingInbox inbox, TrialPlans plans) {
        this.inbox = inbox;
        this.routes = Inbox.onEach(EventType.onTopic(Topics.TRIAL_EVENTS), TrialSnapshot.class,
                (envelope, trial) -> plans.apply(trial, envelope.occurredAt()));
    }

    /** One record at a time (blocking, ordered): a record retried after a transient failure holds back the rest. */
    @Incoming("trial-events")
    @Blocking
    public CompletionStage<Void> onTrialEvent(Message<String> record) {
        return inbox.deliver(record, routes);
    }

    /** How this consumer applies a record, for replaying one from its dead-letter topic. */
    public Inbox.Routes routes() {
        return routes;
    }
}
