package dk.trials.enrolment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A participant withdraws on {@code date}; the allocation stays and counts in the intention-to-treat analysis. */
public record WithdrawalRequest(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate date) {
}
