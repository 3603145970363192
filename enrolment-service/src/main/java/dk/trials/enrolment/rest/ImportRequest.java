package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.ImportAllocations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Allocations made before the trial moved to this system, to be taken over as they are. One batch is one transaction,
 * so a batch holds at most 10,000 lines; a larger list goes in several batches (re-sending one is harmless).
 */
@Schema(description = "Allocations made elsewhere, to be taken over all or none")
public record ImportRequest(@NotEmpty @Size(max = 10_000) List<@Valid @NotNull Item> enrolments) {

    @Schema(name = "ImportedEnrolment", description = "One allocation made elsewhere")
    public record Item(@NotBlank @Schema(examples = "0101991234") String cpr,
                       @NotBlank @Schema(examples = "101") String jobcentre,
                       @NotBlank @Schema(description = "An arm of the trial", examples = "control") String arm,
                       @NotNull @Schema(description = "The analysis start: the day the citizen was enrolled",
                               examples = "2026-03-02") LocalDate enrolledOn,
                       @Schema(examples = "DAGPENGE") String benefitType,
                       @PositiveOrZero @Schema(examples = "4") Integer weeksUnemployed) {

        ImportAllocations.Line toLine() {
            return new ImportAllocations.Line(cpr, jobcentre, arm, enrolledOn, benefitType, weeksUnemployed);
        }

        @Override
        public String toString() {
            return "Item[jobcentre=" + jobcentre + ", arm=" + arm + ", enrolledOn=" + enrolledOn + "]";
        }
    }

    ImportAllocations toCommand() {
        return new ImportAllocations(enrolments.stream().map(Item::toLine).toList());
    }
}
