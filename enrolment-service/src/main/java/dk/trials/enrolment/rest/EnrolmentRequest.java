package dk.trials.enrolment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A jobcentre asks to enrol a citizen. {@code benefitType} and {@code weeksUnemployed} are needed where the trial's criteria or strata use them. */
@Schema(description = "A citizen to enrol; the CPR number is used for eligibility and the pseudonym, then forgotten")
public record EnrolmentRequest(
        @NotBlank @Schema(description = "CPR number, DDMMYYSSSS with an optional hyphen", examples = "0101991234") String cpr,
        @NotBlank @Schema(description = "Municipality code of the enrolling jobcentre", examples = "101") String jobcentre,
        @Schema(examples = "DAGPENGE") String benefitType,
        @PositiveOrZero @Schema(examples = "3") Integer weeksUnemployed) {

    /** Never reveal the CPR number, even in a debug print of the request. */
    @Override
    public String toString() {
        return "EnrolmentRequest[jobcentre=" + jobcentre + ", benefitType=" + benefitType + ", weeksUnemployed=" + weeksUnemployed + "]";
    }
}
