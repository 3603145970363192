package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.EnrolCitizen;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A jobcentre asks to enrol a citizen. {@code benefitType} and {@code weeksUnemployed} are needed where the trial's
 * criteria or strata use them. A missing {@code cpr} or {@code jobcentre} makes the request unreadable (400); a CPR
 * number that is not ten digits with a real birth date, a jobcentre that is not a municipality code, a benefit type
 * outside the closed set or a week count out of range breaks a rule (422). None of them is ever echoed.
 */
@Schema(description = "A citizen to enrol; the CPR number is used for eligibility and the pseudonym, then forgotten")
public record EnrolmentRequest(
        @NotBlank @Schema(description = "CPR number, DDMMYYSSSS with an optional hyphen", examples = "0101991234")
        String cpr,
        @NotNull @Pattern(regexp = MUNICIPALITY_CODE, message = MUNICIPALITY_RULE)
        @Schema(description = "Municipality code of the enrolling jobcentre", examples = "101",
                pattern = MUNICIPALITY_CODE) String jobcentre,
        @Schema(description = "Needed where the trial's criteria or strata use it", examples = "DAGPENGE",
                type = SchemaType.STRING,
                // Inline, not a reference: a nullable reference becomes anyOf, which the generated clients cannot compile.
                enumeration = {"DAGPENGE", "KONTANTHJAELP", "UDDANNELSESHJAELP", "SELVFORSOERGELSESYDELSE", "SYGEDAGPENGE", "LEDIGHEDSYDELSE", "RESSOURCEFORLOEBSYDELSE", "REVALIDERINGSYDELSE"}) @BenefitTypeCode String benefitType,
        @PositiveOrZero @Max(MAX_WEEKS_UNEMPLOYED)
        @Schema(description = "Needed where the trial's criteria or strata use it", examples = "3",
                maximum = "2600") Integer weeksUnemployed) {

    /** Jobcentres are named by their municipality's three-digit code. */
    static final String MUNICIPALITY_CODE = "\\d{3}";
    static final String MUNICIPALITY_RULE = "must be a municipality code of three digits";
    /** Fifty years: longer than any working life, so a larger count is a typing error. */
    static final long MAX_WEEKS_UNEMPLOYED = 2600;

    EnrolCitizen toCommand() {
        return new EnrolCitizen(cpr, jobcentre, BenefitTypeCode.Rule.read(benefitType), weeksUnemployed);
    }

    /** Never reveal the CPR number, even in a debug print of the request. */
    @Override
    public String toString() {
        return "EnrolmentRequest[jobcentre=" + jobcentre + ", benefitType=" + benefitType + ", weeksUnemployed=" + weeksUnemployed + "]";
    }
}
