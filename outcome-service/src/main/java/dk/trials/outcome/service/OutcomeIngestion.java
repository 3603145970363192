package dk.trials.outcome.service;

import dk.trials.outcome.OutcomeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Takes reported outcomes of one trial, a batch at a time in one transaction: matches each to its participant,
 * applies the rules, keeps it once per source and source id, and moves each participant's end of follow-up in the
 * aggregates when an outcome ends it earlier than what was counted (on the same day a job exit beats a censoring).
 */
@ApplicationScoped
public class OutcomeIngestion {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final FollowUpStore followUps;
    private final OutcomeStore outcomes;
    private final RollingEstimates rolling;

    public OutcomeIngestion(FollowUpStore followUps, OutcomeStore outcomes, RollingEstimates rolling) {
        this.followUps = followUps;
        this.outcomes = outcomes;
        this.rolling = rolling;
    }

    /**
     * @param keepRejected whether rejected outcomes are kept with their reason (register feeds, which cannot be
     *                     answered) or only reported back to the caller (REST, where bad input changes nothing)
     */
    @Transactional
    public List<IngestionResult> ingest(UUID trialId, List<IncomingOutcome> batch, boolean keepRejected) {
        LocalDate today = LocalDate.now(COPENHAGEN);
        Map<String, ParticipantRecord> byPseudonym = new HashMap<>();
        Map<UUID, ParticipantRecord> byEnrolment = new HashMap<>();
        Set<String> pseudonyms = new HashSet<>();
        Set<UUID> enrolmentIds = new HashSet<>();
        for (IncomingOutcome o : batch) {
            if (o.pseudonym() != null) {
                pseudonyms.add(o.pseudonym());
            }
            if (o.enrolmentId() != null) {
                enrolmentIds.add(o.enrolmentId());
            }
        }
        for (ParticipantRecord p : followUps.lockParticipants(trialId, pseudonyms, enrolmentIds)) {
            byPseudonym.put(p.pseudonym(), p);
            byEnrolment.put(p.enrolmentId(), p);
        }

        IngestionResult[] results = new IngestionResult[batch.size()];
        List<OutcomeStore.NewOutcome> toKeep = new ArrayList<>();
        List<Integer> keptLines = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingOutcome o = batch.get(i);
            ParticipantRecord participant = o.enrolmentId() != null ? byEnrolment.get(o.enrolmentId()) : byPseudonym.get(o.pseudonym());
            Optional<String> broken = OutcomeRules.brokenWithoutParticipant(o.occurredOn(), today)
                    .or(() -> participant == null ? Optional.empty()
                            : OutcomeRules.brokenFor(participant, o.occurredOn(), o.reportedByJobcentre()));
            UUID enrolmentId = participant != null ? participant.enrolmentId() : o.enrolmentId();
            OutcomeStatus status = broken.isPresent() ? OutcomeStatus.REJECTED
                    : participant == null ? OutcomeStatus.PENDING_ENROLMENT : OutcomeStatus.ACCEPTED;
            results[i] = new IngestionResult(Disposition.valueOf(status.name()), broken.orElse(null), enrolmentId);
            if (status != OutcomeStatus.REJECTED || keepRejected) {
                toKeep.add(new OutcomeStore.NewOutcome(withPseudonym(o, participant), enrolmentId, status, broken.orElse(null)));
                keptLines.add(i);
            }
        }

        boolean[] inserted = outcomes.insertNew(trialId, toKeep);
        FollowUpDelta delta = new FollowUpDelta();
        Map<UUID, ParticipantRecord> ended = new LinkedHashMap<>();
        for (int k = 0; k < toKeep.size(); k++) {
            int line = keptLines.get(k);
            if (!inserted[k]) {
                results[line] = new IngestionResult(Disposition.DUPLICATE, null, results[line].enrolmentId());
            } else if (toKeep.get(k).status() == OutcomeStatus.ACCEPTED) {
                ParticipantRecord current = ended.getOrDefault(results[line].enrolmentId(), byEnrolment.get(results[line].enrolmentId()));
                end(current, toKeep.get(k).outcome(), delta).ifPresent(p -> ended.put(p.enrolmentId(), p));
            }
        }
        followUps.updateEnds(ended.values());
        followUps.apply(trialId, delta);
        if (!ended.isEmpty()) {
            rolling.markChangedOnCommit(trialId);
        }
        return List.of(results);
    }

    /** The participant's new end of follow-up, if this outcome ends it earlier than what is counted. */
    static Optional<ParticipantRecord> end(ParticipantRecord participant, IncomingOutcome outcome, FollowUpDelta delta) {
        int day = participant.dayOfFollowUp(outcome.occurredOn());
        boolean jobExit = outcome.type().isJobExit();
        if (!participant.endsEarlier(day, jobExit)) {
            return Optional.empty();
        }
        delta.move(participant, day, jobExit);
        return Optional.of(participant.endedAt(day, jobExit));
    }

    private static IncomingOutcome withPseudonym(IncomingOutcome o, ParticipantRecord participant) {
        if (participant == null || o.pseudonym() != null) {
            return o;
        }
        return new IncomingOutcome(o.trialId(), o.enrolmentId(), participant.pseudonym(), o.type(), o.occurredOn(),
                o.source(), o.sourceId(), o.reportedByJobcentre());
    }
}
