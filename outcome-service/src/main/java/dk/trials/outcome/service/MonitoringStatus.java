package dk.trials.outcome.service;

import dk.trials.outcome.MonitoringDecision;

import java.time.LocalDate;
import java.util.List;

/**
 * Where group-sequential monitoring stands at an asOf: the information fraction, the boundary a look taken now
 * would get, the observed statistic, and the decision of the formal looks taken so far.
 */
public record MonitoringStatus(Double informationFraction, Double boundaryZ, Double observedZ,
                               MonitoringDecision decision, String comparison, Integer plannedEvents,
                               long observedEvents, double alpha, Double alphaSpent, String spendingFunction,
                               Double nextLookAt, List<Look> looks) {

    /** A formal look as it was taken. */
    public record Look(int look, LocalDate takenOn, long events, double informationFraction, double boundaryZ,
                       Double observedZ, String comparison, MonitoringDecision decision) {
    }
}
