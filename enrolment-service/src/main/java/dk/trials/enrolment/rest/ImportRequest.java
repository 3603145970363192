package dk.trials.enrolment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Allocations made before the trial moved to this system, to be taken over as they are. One batch is one transaction,
 * so a batch holds at most 10,000 lines; a larger list goes in several batches (re-sending one is harmless).
 */
public record ImportRequest(@NotEmpty @Size(max = 10_000) List<@Valid @NotNull Item> enrolments) {

    public record Item(@NotBlank String cpr, @NotBlank String jobcentre, @NotBlank String arm,
                       @NotNull LocalDate enrolledOn, String benefitType, @PositiveOrZero Integer weeksUnemployed) {

        @Override
        public String toString() {
            return "Item[jobcentre=" + jobcentre + ", arm=" + arm + ", enrolledOn=" + enrolledOn + "]";
        }
    }
}
