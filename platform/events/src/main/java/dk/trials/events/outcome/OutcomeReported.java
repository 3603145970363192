package dk.trials.events.outcome;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An outcome from a register feed on {@code outcome-events}. The participant is named by {@code enrolmentId} or by
 * {@code participant}, the per-trial CPR pseudonym {@code keyId:hex} (README, "Pseudonyms and keys", says what a feed computes; CPR numbers never go on a topic).
 */
public record OutcomeReported(UUID trialId, UUID enrolmentId, String participant, OutcomeType type,
                              LocalDate occurredOn, String source, String sourceId) {
}
