package dk.trials.outcome.messaging;

import dk.trials.events.EventType;
import dk.trials.events.Topics;
import dk.trials.events.trial.TrialSnapshot;
import dk.trials.outcome.service.TrialPlans;
import dk.trials.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns trials (arms and weights, control, horizon, planned events per comparison, the monitoring plan) from
 * trial-events: every trial event carries the trial as it stands, and when it occurred decides whether it is newer
 * than what is known.
 */
@ApplicationScoped
public class TrialEventConsumer {

    private final Inbox inbox;
    private final Inbox.Routes routes;

    public TrialEventConsumer(Inbox inbox, TrialPlans plans) {
        this.inbox = inbox;
        this.routes = Inbox.onEach(EventType.onTopic(Topics.TRIAL_EVENTS), TrialSnapshot.class,
                (envelope, trial) -> plans.apply(trial, envelope.occurredAt()));
    }

    @Incoming("trial-events")
    @Transactional
    public void onTrialEvent(String json) {
        inbox.receive(json, routes);
    }
}
