package dk.trials.events.enrolment;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant handed to another jobcentre of the trial (the citizen moved municipality): from {@code transferredAt}
 * on, {@code toJobcentre} acts for the participant, e.g. reports its outcomes. The allocation, and the enrolling
 * {@code jobcentre} of {@link ParticipantEnrolled} with its stratum, stay as they were. {@code participant} is the
 * keyed CPR pseudonym, never the CPR number; the reason for the transfer stays in enrolment-service.
 */
public record ParticipantTransferred(UUID enrolmentId, UUID trialId, String participant, String fromJobcentre,
                                     String toJobcentre, Instant transferredAt) {
}
