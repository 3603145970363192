package dk.trials.outcome.service;

import dk.trials.events.enrolment.ParticipantEnrolled;
import dk.trials.events.enrolment.ParticipantTransferred;
import dk.trials.events.enrolment.ParticipantWithdrawn;
import dk.trials.platform.cpr.CprPseudonymiser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Participants as enrolment-service allocated them, counted in the aggregates in the transaction of the consumed
 * event; outcomes that arrived before the enrolment are resolved at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EnrolmentProjection {

    private final ParticipantStore participants;
    private final EnrolmentCounts counts;
    private final PendingOutcomeMatch pendingOutcomes;
    private final RollingEstimates rolling;
    private final CprPseudonymiser pseudonymiser;

    public EnrolmentProjection(ParticipantStore participants, EnrolmentCounts counts,
                               PendingOutcomeMatch pendingOutcomes, RollingEstimates rolling,
                               CprPseudonymiser pseudonymiser) {
        this.participants = participants;
        this.counts = counts;
        this.pendingOutcomes = pendingOutcomes;
        this.rolling = rolling;
        this.pseudonymiser = pseudonymiser;
    }

    /**
     * A new participant is counted; a known one published again under another trial key (enrolment-service re-keyed
     * it in a key rotation) is re-keyed, counted still once. An event from before per-trial pseudonyms, still on the
     * topic, names the participant by the bare citizen pseudonym, made per-trial here as migration 7.1 did.
     * <p>
     * The events in their order, with the effect that applying them one after the other would have, written
     * set-based: the new participants and their counts by one statement each, the outcomes waiting for them looked
     * up by one, and matched only for those that have some. A list is written in stretches that name each
     * participant (by enrolment and by pseudonym) once, so that no event of a stretch can change what another of it
     * finds; an event that names one a second time starts the next stretch.
     */
    public void enrolled(List<ParticipantEnrolled> events) {
        List<ParticipantStore.NewParticipant> stretch = new ArrayList<>();
        Set<UUID> enrolments = new HashSet<>();
        Set<String> pseudonyms = new HashSet<>();
        for (ParticipantEnrolled e : events) {
            String pseudonym = pseudonymiser.perTrial(e.trialId(), e.participant());
            if (enrolments.contains(e.enrolmentId()) || pseudonyms.contains(e.trialId() + " " + pseudonym)) {
                enrolledOnce(stretch);
                stretch.clear();
                enrolments.clear();
                pseudonyms.clear();
            }
            enrolments.add(e.enrolmentId());
            pseudonyms.add(e.trialId() + " " + pseudonym);
            stretch.add(new ParticipantStore.NewParticipant(e.enrolmentId(), e.trialId(), pseudonym, e.arm(),
                    e.jobcentre(), e.stratum(), e.enrolledOn(), e.sequence()));
        }
        enrolledOnce(stretch);
    }

    /** Participants named once each: those new are added and counted, those known re-keyed if need be. */
    private void enrolledOnce(List<ParticipantStore.NewParticipant> stretch) {
        if (stretch.isEmpty()) {
            return;
        }
        Set<UUID> added = participants.addAll(stretch);
        List<EnrolmentCounts.Cell> counted = new ArrayList<>();
        Set<UUID> changedTrials = new HashSet<>();
        for (ParticipantStore.NewParticipant p : stretch) {
            if (added.contains(p.enrolmentId())) {
                counted.add(new EnrolmentCounts.Cell(p.trialId(), p.arm(), p.jobcentre(), p.enrolledOn()));
                changedTrials.add(p.trialId());
            }
        }
        counts.count(counted);
        changedTrials.forEach(rolling::markChangedOnCommit);
        Set<UUID> waitedFor = participants.withPendingOutcomes(added);
        for (ParticipantStore.NewParticipant p : stretch) {
            if (!added.contains(p.enrolmentId())) {
                participants.rekey(p.enrolmentId(), p.pseudonym());
                pendingOutcomes.matchFor(p.enrolmentId());
            } else if (waitedFor.contains(p.enrolmentId())) {
                pendingOutcomes.matchFor(p.enrolmentId());
            }
        }
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
