package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.WithdrawParticipant;
import dk.trials.platform.validation.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A participant withdraws on {@code date}; the allocation stays and counts in the intention-to-treat analysis. */
@Schema(description = "A withdrawal: why, and on which day")
public record WithdrawalRequest(
        @NotBlank @FreeText @Schema(description = "Why; free text that must not hold a CPR number", maxLength = 500,
                examples = "The citizen no longer wishes to take part") String reason,
        @NotNull @Schema(description = "The day of the withdrawal: not before the enrolment, not in the future",
                examples = "2027-02-01") LocalDate date) {

    WithdrawParticipant toCommand() {
        return new WithdrawParticipant(reason, date);
    }
}
