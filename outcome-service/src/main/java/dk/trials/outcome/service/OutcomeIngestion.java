package dk.trials.outcome.service;

import dk.trials.outcome.OutcomeStatus;
import dk.trials.platform.security.CprLookups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes reported outcomes of one trial, a batch at a time in one transaction: matches each to its participant
 * ({@link OutcomeMatch}), keeps it once per source and source id, and counts the accepted ones. A jobcentre's outcome
 * for another jobcentre's participant is answered and kept as one for a citizen who is not a participant (waiting,
 * within the jobcentre's {@link PendingOutcomeAllowance}), and counted as a refused CPR lookup.
 */
@ApplicationScoped
public class OutcomeIngestion {

    private final ParticipantStore participants;
    private final OutcomeStore outcomes;
    private final OutcomeMatch match;
    private final PendingOutcomeAllowance allowance;
    private final CprLookups lookups;
    private final Clock clock;

    public OutcomeIngestion(ParticipantStore participants, OutcomeStore outcomes, OutcomeMatch match,
                            PendingOutcomeAllowance allowance, CprLookups lookups, Clock clock) {
        this.participants = participants;
        this.outcomes = outcomes;
        this.match = match;
        this.allowance = allowance;
        this.lookups = lookups;
        this.clock = clock;
    }

    /**
     * @param keepRejected whether rejected outcomes are kept with their reason (register feeds, which cannot be
     *                     answered) or only reported back to the caller (REST, where bad input changes nothing)
     */
    @Transactional
    public List<IngestionResult> ingest(UUID trialId, List<IncomingOutcome> batch, boolean keepRejected) {
        LocalDate today = LocalDate.now(clock);
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
        for (ParticipantRecord p : participants.lock(trialId, pseudonyms, enrolmentIds)) {
            byPseudonym.put(p.pseudonym(), p);
            byEnrolment.put(p.enrolmentId(), p);
        }

        IngestionResult[] results = new IngestionResult[batch.size()];
        List<OutcomeStore.NewOutcome> toKeep = new ArrayList<>();
        List<Integer> keptLines = new ArrayList<>();
        List<ParticipantRecord> keptParticipants = new ArrayList<>();
        PendingOutcomeAllowance.Places places = null;
        for (int i = 0; i < batch.size(); i++) {
            IncomingOutcome o = batch.get(i);
            ParticipantRecord named = o.enrolmentId() != null ? byEnrolment.get(o.enrolmentId()) : byPseudonym.get(o.pseudonym());
            ParticipantRecord participant = OutcomeMatch.seenBy(named, o.reportedByJobcentre());
            if (named != null && participant == null) {
                lookups.refused(CprLookups.NOT_OWN_PARTICIPANT);
            }
            OutcomeMatch.Verdict verdict = match.judge(participant, o.occurredOn(), o.reportedByJobcentre(), today);
            UUID enrolmentId = participant != null ? participant.enrolmentId() : o.enrolmentId();
            if (verdict.status() == OutcomeStatus.PENDING_ENROLMENT && o.reportedByJobcentre() != null) {
                if (places == null) {
                    places = allowance.of(o.reportedByJobcentre());
                }
                if (!places.take()) {
                    results[i] = new IngestionResult(Disposition.TOO_MANY_PENDING, "the jobcentre already has "
                            + allowance.cap() + " outcomes waiting for their participant, the most kept; not kept",
                            enrolmentId);
                    continue;
                }
            }
            results[i] = new IngestionResult(Disposition.of(verdict.status()), verdict.reason(), enrolmentId);
            if (verdict.status() != OutcomeStatus.REJECTED || keepRejected) {
                toKeep.add(new OutcomeStore.NewOutcome(withPseudonym(o, participant), enrolmentId, verdict.status(),
                        verdict.reason()));
                keptLines.add(i);
                keptParticipants.add(participant);
            }
        }

        boolean[] inserted = outcomes.insertNew(trialId, toKeep);
        OutcomeMatch.Counting counting = match.counting(trialId);
        for (int k = 0; k < toKeep.size(); k++) {
            OutcomeStore.NewOutcome kept = toKeep.get(k);
            int line = keptLines.get(k);
            if (!inserted[k]) {
                results[line] = new IngestionResult(Disposition.DUPLICATE, null, results[line].enrolmentId());
            } else if (kept.status() == OutcomeStatus.ACCEPTED) {
                counting.count(keptParticipants.get(k), kept.outcome().type(), kept.outcome().occurredOn());
            }
        }
        counting.write();
        return List.of(results);
    }

    private static IncomingOutcome withPseudonym(IncomingOutcome o, ParticipantRecord participant) {
        if (participant == null || o.pseudonym() != null) {
            return o;
        }
        return new IncomingOutcome(o.trialId(), o.enrolmentId(), participant.pseudonym(), o.type(), o.occurredOn(),
                o.source(), o.sourceId(), o.reportedByJobcentre());
    }
}
