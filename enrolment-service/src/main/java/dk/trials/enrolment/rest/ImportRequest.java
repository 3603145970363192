package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.ImportAllocations;
import dk.trials.platform.validation.FreeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Allocations made before the trial moved to this system, to be taken over as they are. One batch is one transaction
 * of at most {@value #MAX_LINES} lines (and 16 MiB); a larger list goes in several batches (re-sending one is
 * harmless).
 */
@Schema(description = "Allocations made elsewhere, to be taken over all or none")
public record ImportRequest(@NotEmpty @Size(max = MAX_LINES) @Schema(maxItems = MAX_LINES)
                            List<@Valid @NotNull Item> enrolments) {

    static final int MAX_LINES = 50_000;
    /** 16 MiB: 50,000 lines of some 200 bytes, with room for whitespace. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    @Schema(name = "ImportedEnrolment", description = "One allocation made elsewhere")
    public record Item(@NotBlank @Schema(examples = "0101991234") String cpr,
                       @NotNull @Pattern(regexp = EnrolmentRequest.MUNICIPALITY_CODE, message = EnrolmentRequest.MUNICIPALITY_RULE)
                       @Schema(examples = "101", pattern = EnrolmentRequest.MUNICIPALITY_CODE) String jobcentre,
                       @NotBlank @FreeText @Schema(description = "An arm of the trial", examples = "control",
                               maxLength = 500) String arm,
                       @NotNull @Schema(description = "The analysis start: the day the citizen was enrolled; not "
                               + "before the citizen's birth, the start of the trial's enrolment period, nor in the "
                               + "future", examples = "2026-03-02") LocalDate enrolledOn,
                       @BenefitTypeCode @Schema(examples = "DAGPENGE", type = SchemaType.STRING,
                // Inline, not a reference: a nullable reference becomes anyOf, which the generated clients cannot compile.
                enumeration = {"DAGPENGE", "KONTANTHJAELP", "UDDANNELSESHJAELP", "SELVFORSOERGELSESYDELSE", "SYGEDAGPENGE", "LEDIGHEDSYDELSE", "RESSOURCEFORLOEBSYDELSE", "REVALIDERINGSYDELSE"})
                       String benefitType,
                       @PositiveOrZero @Max(EnrolmentRequest.MAX_WEEKS_UNEMPLOYED)
                       @Schema(examples = "4", maximum = "2600") Integer weeksUnemployed) {

        ImportAllocations.Line toLine() {
            return new ImportAllocations.Line(cpr, jobcentre, arm, enrolledOn, BenefitTypeCode.Rule.read(benefitType),
                    weeksUnemployed);
        }

        @Override
        public String toString() {
            return "Item[jobcentre=" + jobcentre + ", enrolledOn=" + enrolledOn + "]";
        }
    }

    ImportAllocations toCommand() {
        return new ImportAllocations(enrolments.stream().map(Item::toLine).toList());
    }
}
