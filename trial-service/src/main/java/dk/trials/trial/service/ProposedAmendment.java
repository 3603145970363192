package dk.trials.trial.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A change asked of an opened trial. {@code otherFields} names anything else the request tried to change, which an
 * amendment refuses.
 */
public record ProposedAmendment(String reason, List<String> addJobcentres, LocalDate enrolmentPeriodEnd,
                                Integer plannedParticipants, Set<String> otherFields) {
}
