package dk.trials.outcome.service;

import dk.trials.outcome.CommitteeDecision;
import dk.trials.outcome.LookInputs;
import dk.trials.outcome.LookResult;
import dk.trials.outcome.MonitoringDecision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A formal look as its report shows it, read back from what was stored when it was taken: the summary, the frozen
 * inputs and the result with their SHA-256 (null on a legacy look, taken on live data before frozen cuts), and the
 * committee's sign-offs so far.
 */
public record LookReport(UUID trialId, int number, boolean frozen, LocalDate cutDate, Instant takenAt,
                         String requestedBy, String reason, boolean finalLook, double informationRate,
                         double boundaryZ, Double observedZ, String comparisonArm, MonitoringDecision decision,
                         List<String> crossedArms, List<String> futileArms, String sha256, LookInputs inputs,
                         LookResult result, List<SignOff> signOffs) {

    public LookReport {
        crossedArms = List.copyOf(crossedArms);
        futileArms = List.copyOf(futileArms);
        signOffs = List.copyOf(signOffs);
    }

    /** A committee member's sign-off of the report with this hash. */
    public record SignOff(int look, String signedBy, Instant signedAt, CommitteeDecision decision, String comment,
                          String sha256) {
    }
}
