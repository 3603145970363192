package dk.trials.outcome.messaging;

import dk.trials.platform.deadletter.ReplayableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The three channels this service consumes, each replayable from its dead-letter topic through its own consumer's
 * routes (a trial event as a trial event, an enrolment event as an enrolment event).
 */
@ApplicationScoped
public class ReplayableChannels {

    @Produces
    @Singleton
    ReplayableChannel trialEvents(TrialEventConsumer consumer) {
        return new ReplayableChannel("trial-events", consumer.routes());
    }

    @Produces
    @Singleton
    ReplayableChannel enrolmentEvents(EnrolmentEventConsumer consumer) {
        return new ReplayableChannel("enrolment-events", consumer.routes());
    }

    @Produces
    @Singleton
    ReplayableChannel outcomeEvents(OutcomeEventConsumer consumer) {
        return new ReplayableChannel("outcome-events", consumer.routes());
    }
}
