package dk.trials.outcome.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * A safety net for the race where an outcome and its participant's enrolment are committed by two concurrent
 * transactions that cannot see each other: pending outcomes whose participant is known by now are resolved. One
 * replica at a time runs the round ({@link ScheduledRoundLock}); the others skip it rather than match the same
 * outcomes twice over.
 */
@ApplicationScoped
public class PendingOutcomeRematch {

    /** The name of the round's lock. */
    static final String ROUND = "pending-outcome-rematch";

    private final OutcomeStore outcomes;
    private final PendingOutcomeMatch pendingOutcomes;
    private final ScheduledRoundLock rounds;

    public PendingOutcomeRematch(OutcomeStore outcomes, PendingOutcomeMatch pendingOutcomes, ScheduledRoundLock rounds) {
        this.outcomes = outcomes;
        this.pendingOutcomes = pendingOutcomes;
        this.rounds = rounds;
    }

    @Scheduled(every = "${trials.outcomes.rematch-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void rematch() {
        rounds.runAlone(ROUND, () -> {
            List<UUID> participants = outcomes.participantsWithPendingOutcomes(500);
            for (UUID enrolmentId : participants) {
                QuarkusTransaction.requiringNew().run(() -> pendingOutcomes.matchFor(enrolmentId));
            }
        });
    }
}
