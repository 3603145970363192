package dk.trials.outcome.service;

import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.outcome.OutcomeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Participants as enrolment-service allocated them, counted in the aggregates in the transaction of the consumed
 * event; outcomes that arrived before the enrolment are resolved at once: counted, or rejected with the reason.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EnrolmentProjection {

    private final FollowUpStore followUps;
    private final OutcomeStore outcomes;
    private final RollingEstimates rolling;

    public EnrolmentProjection(FollowUpStore followUps, OutcomeStore outcomes, RollingEstimates rolling) {
        this.followUps = followUps;
        this.outcomes = outcomes;
        this.rolling = rolling;
    }

    public void enrolled(ParticipantEnrolled e) {
        if (followUps.addParticipant(e.enrolmentId(), e.trialId(), e.participant(), e.arm(), e.jobcentre(), e.stratum(),
                e.enrolledOn())) {
            rolling.markChangedOnCommit(e.trialId());
        }
        matchPendingOutcomes(e.enrolmentId());
    }

    public void withdrawn(ParticipantWithdrawn e) {
        // Intention to treat: the participant stays in the analysis in the allocated arm; only the date is kept.
        followUps.withdraw(e.enrolmentId(), e.withdrawnOn());
    }

    /** Resolves the outcomes that were waiting for this participant. */
    public void matchPendingOutcomes(UUID enrolmentId) {
        List<ParticipantRecord> found = followUps.lockParticipant(enrolmentId);
        if (found.isEmpty()) {
            return;
        }
        ParticipantRecord participant = found.get(0);
        FollowUpDelta delta = new FollowUpDelta();
        Map<UUID, ParticipantRecord> ended = new LinkedHashMap<>();
        for (OutcomeStore.PendingOutcome pending : outcomes.lockPendingFor(participant.trialId(), participant.pseudonym(), enrolmentId)) {
            Optional<String> broken = OutcomeRules.brokenFor(participant, pending.occurredOn(), pending.reportedByJobcentre());
            outcomes.resolve(pending.id(), broken.isPresent() ? OutcomeStatus.REJECTED : OutcomeStatus.ACCEPTED,
                    broken.orElse(null), enrolmentId, participant.pseudonym());
            if (broken.isEmpty()) {
                IncomingOutcome outcome = new IncomingOutcome(participant.trialId(), enrolmentId, participant.pseudonym(),
                        pending.type(), pending.occurredOn(), null, null, pending.reportedByJobcentre());
                Optional<ParticipantRecord> moved = OutcomeIngestion.end(participant, outcome, delta);
                if (moved.isPresent()) {
                    participant = moved.get();
                    ended.put(enrolmentId, participant);
                }
            }
        }
        followUps.updateEnds(ended.values());
        followUps.apply(participant.trialId(), delta);
        if (!ended.isEmpty()) {
            rolling.markChangedOnCommit(participant.trialId());
        }
    }
}
