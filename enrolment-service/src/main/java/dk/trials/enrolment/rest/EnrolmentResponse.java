package dk.trials.enrolment.rest;

import java.time.Instant;
import java.util.UUID;

/** The allocation, exactly as answered to the first request and to every repetition of it. */
public record EnrolmentResponse(UUID enrolmentId, UUID trialId, String arm, Instant enrolledAt, String stratum) {
}
