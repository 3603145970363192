package dk.trials.enrolment.rest;

import dk.trials.enrolment.Enrolment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * The allocation, exactly as answered to the first request and to every repetition of it. The participant pseudonym
 * stays inside the service and its events.
 */
@Schema(description = "An allocation", requiredProperties = {"enrolmentId", "trialId", "arm", "enrolledAt", "stratum"})
public record EnrolmentResponse(UUID enrolmentId, UUID trialId, String arm, Instant enrolledAt, String stratum) {

    static EnrolmentResponse from(Enrolment e) {
        return new EnrolmentResponse(e.id, e.trialId, e.arm, e.enrolledAt, e.stratum);
    }
}
