package dk.trials.events.enrolment;

import java.time.LocalDate;
import java.util.UUID;

/** A participant withdrew; the allocation stands and stays in the intention-to-treat analysis. */
public record ParticipantWithdrawn(UUID enrolmentId, UUID trialId, String participant, LocalDate withdrawnOn) {
}
