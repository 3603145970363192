package dk.trials.outcome.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * A safety net for the race where an outcome and its participant's enrolment are committed by two concurrent
 * transactions that cannot see each other: pending outcomes whose participant is known by now are resolved.
 */
@ApplicationScoped
public class PendingOutcomeRematch {

    private final OutcomeStore outcomes;
    private final PendingOutcomeMatch pendingOutcomes;

    public PendingOutcomeRematch(OutcomeStore outcomes, PendingOutcomeMatch pendingOutcomes) {
        this.outcomes = outcomes;
        this.pendingOutcomes = pendingOutcomes;
    }

    @Scheduled(every = "${trials.outcomes.rematch-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rematch() {
        List<UUID> participants = outcomes.participantsWithPendingOutcomes(500);
        for (UUID enrolmentId : participants) {
            QuarkusTransaction.requiringNew().run(() -> pendingOutcomes.matchFor(enrolmentId));
        }
    }
}
