package dk.trials.outcome.service;

import dk.trials.outcome.MonitoringLook;
import dk.trials.outcome.TrialPlan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one port through which estimates meet monitoring: fed by the figures of an {@link Estimate} (observed job
 * exits and the comparisons' log-rank statistics), it says where monitoring stands and when a formal look is due.
 */
public interface Monitoring {

    /** The status at these figures, given the formal looks taken so far. */
    MonitoringStatus status(TrialPlan plan, long observedEvents, List<Estimate.Comparison> comparisons,
                            List<MonitoringLook> looks);

    /** The formal look due now on these figures, not yet stored; empty if none is due. */
    Optional<MonitoringLook> lookDue(TrialPlan plan, LocalDate today, long observedEvents,
                                     List<Estimate.Comparison> comparisons, List<MonitoringLook> looks);

    /** The formal looks of the trial taken on or before {@code asOf}, in order. */
    List<MonitoringLook> looksUntil(UUID trialId, LocalDate asOf);
}
