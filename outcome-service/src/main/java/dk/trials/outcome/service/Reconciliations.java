package dk.trials.outcome.service;

import dk.trials.outcome.TrialReconciliation;
import dk.trials.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The latest reconciliation of a trial, as the last allocation checkpoint consumed left it. It names missing and extra
 * participants one by one, so each read is audited ({@link ParticipantDataReads}).
 */
@ApplicationScoped
public class Reconciliations {

    /** The operation named in the audit of reads. */
    static final String READ = "getReconciliation";

    private final ParticipantDataReads reads;

    public Reconciliations(ParticipantDataReads reads) {
        this.reads = reads;
    }

    @Transactional
    public TrialReconciliation latest(UUID trialId) {
        TrialReconciliation latest = TrialReconciliation.<TrialReconciliation>findByIdOptional(trialId).orElseThrow(() ->
                ProblemException.notFound("No allocation checkpoint of trial " + trialId + " has been checked yet"));
        reads.record(READ, trialId, latest.missingSequences.size() + latest.extraEnrolments.size());
        return latest;
    }
}
