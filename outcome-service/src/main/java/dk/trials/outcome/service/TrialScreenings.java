package dk.trials.outcome.service;

import dk.trials.events.EventEnvelope;
import dk.trials.events.MalformedEventException;
import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.events.enrolment.EligibilityScreening;
import dk.trials.outcome.TrialScreening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.TreeMap;

/**
 * Keeps the top of each trial's CONSORT flow from enrolment-service's allocation checkpoints, in the transaction of
 * the consumed checkpoint: a checkpoint published before the kept one (redelivered, or overtaken) changes nothing, and
 * one from a producer that does not count exclusions leaves the trial's screening unknown.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TrialScreenings {

    public void counted(EventEnvelope envelope, AllocationCheckpoint checkpoint) {
        EligibilityScreening screening = checkpoint.screening();
        if (screening == null) {
            return;
        }
        readable(envelope, screening);
        TrialScreening kept = TrialScreening.findById(checkpoint.trialId(), LockModeType.PESSIMISTIC_WRITE);
        if (kept != null && !kept.countedAt.isBefore(checkpoint.publishedAt())) {
            return;
        }
        TrialScreening latest = kept != null ? kept : new TrialScreening();
        latest.trialId = checkpoint.trialId();
        latest.allocated = checkpoint.allocatedPerArm().values().stream().mapToLong(Long::longValue).sum();
        latest.excluded = screening.excluded();
        latest.excludedByReason = new TreeMap<>(screening.excludedByReason());
        latest.countedAt = checkpoint.publishedAt();
        if (kept == null) {
            latest.persist();
        }
    }

    /** Counts that cannot be (a negative one, a reason counting more citizens than were excluded) are dead-lettered. */
    private static void readable(EventEnvelope envelope, EligibilityScreening screening) {
        boolean impossible = screening.excluded() < 0 || screening.excludedByReason().entrySet().stream()
                .anyMatch(reason -> reason.getKey().isBlank() || reason.getValue() < 0
                        || reason.getValue() > screening.excluded());
        if (impossible) {
            throw new MalformedEventException("Allocation checkpoint " + envelope.eventId()
                    + " has a negative or impossible count of exclusions", null);
        }
    }
}
