package dk.trials.enrolment.messaging;

import dk.trials.platform.deadletter.DeadLetter;
import dk.trials.platform.deadletter.DeadLetters;
import dk.trials.platform.deadletter.Replay;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The trial events this service dead-lettered, and their replay through {@link TrialEventsConsumer}'s own routes. */
@ApplicationScoped
public class TrialEventDeadLetters {

    private final DeadLetters deadLetters;
    private final TrialEventsConsumer consumer;

    public TrialEventDeadLetters(DeadLetters deadLetters, TrialEventsConsumer consumer) {
        this.deadLetters = deadLetters;
        this.consumer = consumer;
    }

    /** The topic this service consumes whose dead letters these are. */
    public String topic() {
        return TrialEventsConsumer.CHANNEL;
    }

    public List<DeadLetter> list() {
        return deadLetters.list(TrialEventsConsumer.CHANNEL);
    }

    public Optional<Replay> replay(int partition, long offset, String replayedBy) {
        return deadLetters.replay(TrialEventsConsumer.CHANNEL, TrialEventsConsumer.CHANNEL, partition, offset,
                consumer.routes(), replayedBy);
    }
}
