package dk.trials.outcome.service;

import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantTransferred;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.platform.cpr.CprPseudonymiser;
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
    private final CprPseudonymiser pseudonymiser;

    public EnrolmentProjection(ParticipantStore participants, FollowUpAggregates aggregates,
                               PendingOutcomeMatch pendingOutcomes, RollingEstimates rolling,
                               CprPseudonymiser pseudonymiser) {
        this.participants = participants;
        this.aggregates = aggregates;
        this.pendingOutcomes = pendingOutcomes;
        this.rolling = rolling;
        this.pseudonymiser = pseudonymiser;
    }

    /**
     * A new participant is counted; a known one published again under another trial key (enrolment-service re-keyed
     * it in a key rotation) is re-keyed, counted still once. An event from before per-trial pseudonyms, still on the
     * topic, names the participant by the bare citizen pseudonym, made per-trial here as migration 7.1 did.
     */
    public void enrolled(ParticipantEnrolled e) {
        String pseudonym = pseudonymiser.perTrial(e.trialId(), e.participant());
        if (participants.add(e.enrolmentId(), e.trialId(), pseudonym, e.arm(), e.jobcentre(), e.stratum(),
                e.enrolledOn(), e.sequence())) {
            aggregates.countEnrolment(e.trialId(), e.arm(), e.jobcentre(), e.enrolledOn());
            rolling.markChangedOnCommit(e.trialId());
        } else {
            participants.rekey(e.enrolmentId(), pseudonym);
        }
        pendingOutcomes.matchFor(e.enrolmentId());
    }

    /**
     * The participant's new jobcentre acts for them from now on: the outcomes it reported while the participant was
     * another jobcentre's, waiting until now, are resolved at once. The allocation and the stratum stay.
     */
    public void transferred(ParticipantTransferred e) {
        if (participants.transfer(e.enrolmentId(), e.toJobcentre())) {
            pendingOutcomes.matchFor(e.enrolmentId());
        }
    }

    public void withdrawn(ParticipantWithdrawn e) {
        // Intention to treat: the participant stays in the analysis in the allocated arm; only the date is kept.
        participants.withdraw(e.enrolmentId(), e.withdrawnOn());
    }
}
