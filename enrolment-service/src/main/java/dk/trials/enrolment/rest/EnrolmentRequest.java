package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.EnrolCitizen;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A jobcentre asks to enrol a citizen. {@code benefitType} and {@code weeksUnemployed} are needed where the trial's
 * criteria or strata use them. A missing {@code cpr} or {@code jobcentre} makes the request unreadable (400); a CPR
 * number that is not ten digits with a real birth date, or a negative week count, breaks a rule (422).
 */
@Schema(description = "A citizen to enrol; the CPR number is used for eligibility and the pseudonym, then forgotten")
public record EnrolmentRequest(
        @NotBlank @Schema(description = "CPR number, DDMMYYSSSS with an optional hyphen", examples = "0101991234") String cpr,
        @NotBlank @Schema(description = "Municipality code of the enrolling jobcentre", examples = "101") String jobcentre,
        @Schema(description = "Needed where the trial's criteria or strata use it", examples = "DAGPENGE") String benefitType,
        @PositiveOrZero @Schema(description = "Needed where the trial's criteria or strata use it", examples = "3") Integer weeksUnemployed) {

    EnrolCitizen toCommand() {
        return new EnrolCitizen(cpr, jobcentre, benefitType, weeksUnemployed);
    }

    /** Never reveal the CPR number, even in a debug print of the request. */
    @Override
    public String toString() {
        return "EnrolmentRequest[jobcentre=" + jobcentre + ", benefitType=" + benefitType + ", weeksUnemployed=" + weeksUnemployed + "]";
    }
}
