package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.TransferParticipant;
import dk.trials.platform.validation.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin hands a participant to another jobcentre of the trial; the allocation stays as it is. */
@Schema(description = "A transfer of a participant to another jobcentre of the trial: to which, and why")
public record TransferRequest(
        @NotNull @Pattern(regexp = EnrolmentRequest.MUNICIPALITY_CODE, message = EnrolmentRequest.MUNICIPALITY_RULE)
        @Schema(description = "Municipality code of the jobcentre that takes over; it must take part in the trial",
                examples = "147", pattern = EnrolmentRequest.MUNICIPALITY_CODE) String jobcentre,
        @NotBlank @FreeText @Schema(description = "Why; free text that must not hold a CPR number", maxLength = 500,
                examples = "The citizen moved to Frederiksberg") String reason) {

    TransferParticipant toCommand() {
        return new TransferParticipant(jobcentre, reason);
    }
}
