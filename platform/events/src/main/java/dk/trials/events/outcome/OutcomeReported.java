package dk.trials.events.outcome;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An outcome from a register feed on {@code outcome-events}. The participant is named by {@code enrolmentId} or by
 * {@code participant}, the keyed CPR pseudonym (feeds compute it with the shared key; CPR numbers never go on a topic).
 */
public record OutcomeReported(UUID trialId, UUID enrolmentId, String participant, OutcomeType type,
                              LocalDate occurredOn, String source, String sourceId) {
}
