package dk.trials.outcome.service;

import dk.trials.events.outcome.OutcomeType;
import dk.trials.outcome.OutcomeStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How an outcome meets its participant, written once for every way an outcome arrives: reported by REST or a
 * register feed ({@link OutcomeIngestion}), or waiting for its enrolment and matched when that arrives
 * ({@link PendingOutcomeMatch}). The rules decide whether it counts, waits or is rejected; a counted outcome moves
 * its participant's end of follow-up when it ends it earlier than what is counted (on the same day a job exit beats
 * a censoring), and the aggregates follow in the same transaction.
 */
@ApplicationScoped
public class OutcomeMatch {

    /** What an outcome comes to: counted, waiting for its participant, or rejected for the reason given. */
    public record Verdict(OutcomeStatus status, String reason) {
    }

    private final ParticipantStore participants;
    private final FollowUpAggregates aggregates;
    private final RollingEstimates rolling;

    public OutcomeMatch(ParticipantStore participants, FollowUpAggregates aggregates, RollingEstimates rolling) {
        this.participants = participants;
        this.aggregates = aggregates;
        this.rolling = rolling;
    }

    /**
     * The verdict on an outcome of a participant who may not be known yet ({@code participant} null). An outcome a
     * jobcentre reports for another jobcentre's participant is judged as one whose participant is not known: it waits,
     * and no rule that needs the participant is applied, so the answer tells the jobcentre nothing about the citizen.
     */
    public Verdict judge(ParticipantRecord participant, LocalDate occurredOn, String reportedByJobcentre, LocalDate today) {
        ParticipantRecord own = seenBy(participant, reportedByJobcentre);
        Optional<String> broken = OutcomeRules.brokenWithoutParticipant(occurredOn, today)
                .or(() -> own == null ? Optional.empty() : OutcomeRules.brokenFor(own, occurredOn));
        if (broken.isPresent()) {
            return new Verdict(OutcomeStatus.REJECTED, broken.get());
        }
        return new Verdict(own == null ? OutcomeStatus.PENDING_ENROLMENT : OutcomeStatus.ACCEPTED, null);
    }

    /**
     * The participant as the reporter may know them: a jobcentre ({@code reportedByJobcentre} not null) knows only its
     * own participants, those it acts for; an admin or a register feed (null) knows everyone.
     */
    public static ParticipantRecord seenBy(ParticipantRecord participant, String reportedByJobcentre) {
        if (participant == null || reportedByJobcentre == null || reportedByJobcentre.equals(participant.actingJobcentre())) {
            return participant;
        }
        return null;
    }

    /** Collects what one transaction's counted outcomes of a trial change, to be written at once. */
    public Counting counting(UUID trialId) {
        return new Counting(trialId);
    }

    public final class Counting {

        private final UUID trialId;
        private final FollowUpDelta delta = new FollowUpDelta();
        private final Map<UUID, ParticipantRecord> ended = new LinkedHashMap<>();

        private Counting(UUID trialId) {
            this.trialId = trialId;
        }

        /** Counts an accepted outcome of the participant, after the ones counted before in this transaction. */
        public void count(ParticipantRecord participant, OutcomeType type, LocalDate occurredOn) {
            ParticipantRecord current = ended.getOrDefault(participant.enrolmentId(), participant);
            int day = current.dayOfFollowUp(occurredOn);
            boolean jobExit = type.isJobExit();
            if (current.endsEarlier(day, jobExit)) {
                delta.move(current, day, jobExit);
                ended.put(current.enrolmentId(), current.endedAt(day, jobExit));
            }
        }

        /**
         * Writes the participants' new ends and the aggregates in the caller's transaction; the rolling estimates
         * follow once it commits.
         */
        public void write() {
            participants.updateEnds(ended.values());
            aggregates.apply(trialId, delta);
            if (!ended.isEmpty()) {
                rolling.markChangedOnCommit(trialId);
            }
        }
    }
}
