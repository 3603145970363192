package dk.trials.outcome.service;

import dk.trials.outcome.TrialPlan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The port through which the estimates learn a trial's monitoring plan and the formal looks taken on it. */
public interface FormalLooks {

    /** The trial's plan as the sequential monitor applies it. */
    MonitoringRules rules(TrialPlan plan);

    /** The formal looks taken on or before {@code asOf} (Europe/Copenhagen date of taking), in order. */
    List<LookSummary> takenBy(UUID trialId, LocalDate asOf);
}
