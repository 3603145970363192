package dk.trials.outcome.service;

import dk.trials.outcome.MonitoringDecision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A formal look as the estimates show it: its number, data cut, when it was taken, the information rate its boundary
 * was computed at, whether it was the final look, its decision and the arms that crossed or were flagged futile.
 */
public record LookSummary(int number, LocalDate cutDate, Instant takenAt, double informationRate, boolean finalLook,
                          MonitoringDecision decision, List<String> crossedArms, List<String> futileArms) {

    public LookSummary {
        crossedArms = List.copyOf(crossedArms);
        futileArms = List.copyOf(futileArms);
    }

    /** What the sequential monitor needs of this look when it evaluates a later one. */
    public PriorLook prior() {
        return new PriorLook(number, informationRate, crossedArms);
    }
}
