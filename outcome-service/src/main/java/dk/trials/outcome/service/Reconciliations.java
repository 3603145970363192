package dk.trials.outcome.service;

import dk.trials.outcome.TrialReconciliation;
import dk.trials.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The latest reconciliation of a trial, as the last allocation checkpoint consumed left it. */
@ApplicationScoped
public class Reconciliations {

    public TrialReconciliation latest(UUID trialId) {
        return TrialReconciliation.<TrialReconciliation>findByIdOptional(trialId).orElseThrow(() ->
                ProblemException.notFound("No allocation checkpoint of trial " + trialId + " has been checked yet"));
    }
}
