package dk.trials.outcome.service;

import dk.trials.outcome.OutcomeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the outcomes that waited for a participant's enrolment, once the participant is known: each is counted,
 * or rejected with the rule it breaks. Called when the enrolment event arrives and by the periodic rematch. An
 * outcome another jobcentre reported is not among them ({@link OutcomeStore#lockPendingFor}) and goes on waiting: it
 * counts only if the participant becomes that jobcentre's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PendingOutcomeMatch {

    private final ParticipantStore participants;
    private final OutcomeStore outcomes;
    private final OutcomeMatch match;
    private final Clock clock;

    public PendingOutcomeMatch(ParticipantStore participants, OutcomeStore outcomes, OutcomeMatch match, Clock clock) {
        this.participants = participants;
        this.outcomes = outcomes;
        this.match = match;
        this.clock = clock;
    }

    public void matchFor(UUID enrolmentId) {
        Optional<ParticipantRecord> found = participants.lock(enrolmentId);
        if (found.isEmpty()) {
            return;
        }
        ParticipantRecord participant = found.get();
        LocalDate today = LocalDate.now(clock);
        OutcomeMatch.Counting counting = match.counting(participant.trialId());
        for (OutcomeStore.PendingOutcome pending
                : outcomes.lockPendingFor(participant.trialId(), participant.pseudonym(), enrolmentId,
                participant.actingJobcentre())) {
            OutcomeMatch.Verdict verdict = match.judge(participant, pending.occurredOn(), pending.reportedByJobcentre(), today);
            outcomes.resolve(pending.id(), verdict.status(), verdict.reason(), enrolmentId, participant.pseudonym());
            if (verdict.status() == OutcomeStatus.ACCEPTED) {
                counting.count(participant, pending.type(), pending.occurredOn());
            }
        }
        counting.write();
    }
}
