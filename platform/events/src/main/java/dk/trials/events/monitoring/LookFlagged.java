package dk.trials.events.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of a formal look that crossed an efficacy boundary or flagged futility: enough for an alert and for a
 * committee to fetch the look's report (by its number and SHA-256), never the by-arm figures themselves.
 */
public record LookFlagged(UUID trialId, int look, LocalDate cutDate, Instant takenAt, String decision,
                          List<String> crossedArms, List<String> futileArms, String sha256) {
}
