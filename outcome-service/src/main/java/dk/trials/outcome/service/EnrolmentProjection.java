package dk.trials.outcome.service;

import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Participants as enrolment-service allocated them, counted in the aggregates in the transaction of the consumed
 * event; outcomes that arrived before the enrolment are resolved at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EnrolmentProjection {

    private final ParticipantStore participants;
    private final FollowUpAggregates aggregates;
    private final PendingOutcomeMatch pendingOutcomes;
    private final RollingEstimates rolling;

    public EnrolmentProjection(ParticipantStore participants, FollowUpAggregates aggregates,
                               PendingOutcomeMatch pendingOutcomes, RollingEstimates rolling) {
        this.participants = participants;
        this.aggregates = aggregates;
        this.pendingOutcomes = pendingOutcomes;
        this.rolling = rolling;
    }

    public void enrolled(ParticipantEnrolled e) {
        if (participants.add(e.enrolmentId(), e.trialId(), e.participant(), e.arm(), e.jobcentre(), e.stratum(),
                e.enrolledOn(), e.sequence())) {
            aggregates.countEnrolment(e.trialId(), e.arm(), e.jobcentre(), e.enrolledOn());
            rolling.markChangedOnCommit(e.trialId());
        }
        pendingOutcomes.matchFor(e.enrolmentId());
    }

    public void withdrawn(ParticipantWithdrawn e) {
        // Intention to treat: the participant stays in the analysis in the allocated arm; only the date is kept.
        participants.withdraw(e.enrolmentId(), e.withdrawnOn());
    }
}
