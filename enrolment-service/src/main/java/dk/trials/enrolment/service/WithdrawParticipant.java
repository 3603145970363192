package dk.trials.enrolment.service;

import java.time.LocalDate;

/** A participant withdraws on {@code date}; the allocation stays and counts in the intention-to-treat analysis. */
public record WithdrawParticipant(String reason, LocalDate date) {
}
