package dk.trials.enrolment.messaging;

import dk.trials.platform.deadletter.ReplayableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one channel whose dead letters this service replays: trial events, through {@link TrialEventsConsumer}'s routes. */
@ApplicationScoped
public class TrialEventDeadLetters {

    @Produces
    @Singleton
    ReplayableChannel trialEvents(TrialEventsConsumer consumer) {
        return new ReplayableChannel(TrialEventsConsumer.CHANNEL, consumer.routes());
    }
}
