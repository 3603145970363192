package dk.trials.outcome.service;

import dk.trials.events.EventEnvelope;
import dk.trials.events.MalformedEventException;
import dk.trials.events.enrolment.AllocationCheckpoint;
import dk.trials.outcome.TrialReconciliation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks outcome-service's participants against an allocation checkpoint of enrolment-service, in the transaction of
 * the consumed checkpoint. The checkpoint travels behind the enrolments it counts on the trial's partition, so every
 * one of them has been applied here by then: a difference is an enrolment lost, doubled or misread, not one in flight.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AllocationReconciliation {

    private final ParticipantTally tally;
    private final Clock clock;

    public AllocationReconciliation(ParticipantTally tally, Clock clock) {
        this.tally = tally;
        this.clock = clock;
    }

    /** Records the check of this checkpoint as the trial's latest, unless a newer checkpoint was checked already. */
    public void check(EventEnvelope envelope, AllocationCheckpoint checkpoint) {
        Map<String, Long> expected = readable(envelope, checkpoint);
        TrialReconciliation latest = TrialReconciliation.findById(checkpoint.trialId(), LockModeType.PESSIMISTIC_WRITE);
        if (latest != null && newer(latest, checkpoint)) {
            return;
        }
        TrialReconciliation result = latest != null ? latest : new TrialReconciliation();
        result.trialId = checkpoint.trialId();
        result.upToSequence = checkpoint.upToSequence();
        result.publishedAt = checkpoint.publishedAt();
        result.checkedAt = clock.instant();
        compare(result, expected, checkpoint);
        if (latest == null) {
            result.persist();
        }
    }

    private void compare(TrialReconciliation result, Map<String, Long> expected, AllocationCheckpoint checkpoint) {
        ParticipantTally.Counts counted = tally.count(checkpoint.trialId(), checkpoint.upToSequence());
        result.expectedPerArm = expected;
        result.countedPerArm = counted.perArm();
        result.expectedWithdrawn = checkpoint.withdrawn();
        result.countedWithdrawn = counted.withdrawn();
        result.unsequenced = counted.unsequenced();
        if (counted.unsequenced() == 0) {
            result.missingCount = checkpoint.upToSequence() - counted.distinctSequences();
            result.missingSequences = result.missingCount == 0 ? List.of()
                    : tally.missingSequences(checkpoint.trialId(), checkpoint.upToSequence());
        } else {
            // An unnumbered participant may hold any number, so a gap does not name a missing one: only counts can.
            long expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
            result.missingCount = Math.max(0, expectedTotal - counted.total());
            result.missingSequences = List.of();
        }
        ParticipantTally.Extra extra = tally.extra(checkpoint.trialId(), checkpoint.upToSequence(), expected.keySet());
        result.extraCount = extra.count();
        result.extraEnrolments = extra.named();
        result.consistent = expected.equals(counted.perArm()) && checkpoint.withdrawn() == counted.withdrawn()
                && result.missingCount == 0 && result.extraCount == 0;
    }

    /** A redelivered or overtaken checkpoint: an earlier number, or the same number published earlier. */
    private static boolean newer(TrialReconciliation latest, AllocationCheckpoint checkpoint) {
        return latest.upToSequence > checkpoint.upToSequence() || (latest.upToSequence == checkpoint.upToSequence()
                && latest.publishedAt.isAfter(checkpoint.publishedAt()));
    }

    /** The arms the checkpoint allocated to, with their counts; a checkpoint that breaks a rule is dead-lettered. */
    private static Map<String, Long> readable(EventEnvelope envelope, AllocationCheckpoint checkpoint) {
        if (checkpoint.trialId() == null || !checkpoint.trialId().equals(envelope.trialId())) {
            throw malformed(envelope, "names trial " + checkpoint.trialId() + " in an envelope of trial " + envelope.trialId());
        }
        if (checkpoint.publishedAt() == null) {
            throw malformed(envelope, "has no publishedAt");
        }
        if (checkpoint.upToSequence() < 0 || checkpoint.withdrawn() < 0) {
            throw malformed(envelope, "has a negative upToSequence or withdrawn count");
        }
        Map<String, Long> allocated = new TreeMap<>();
        checkpoint.allocatedPerArm().forEach((arm, count) -> {
            if (arm.isBlank() || count < 0) {
                throw malformed(envelope, "has a blank arm or a negative allocation count");
            }
            if (count > 0) {
                allocated.put(arm, count);
            }
        });
        long total = allocated.values().stream().mapToLong(Long::longValue).sum();
        if (total > checkpoint.upToSequence() || checkpoint.withdrawn() > total) {
            throw malformed(envelope, "counts " + total + " allocations and " + checkpoint.withdrawn()
                    + " withdrawals up to enrolment number " + checkpoint.upToSequence());
        }
        return allocated;
    }

    private static MalformedEventException malformed(EventEnvelope envelope, String what) {
        return new MalformedEventException("Allocation checkpoint " + envelope.eventId() + " " + what, null);
    }
}
