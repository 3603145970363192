package dk.trials.events.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant allocated to an arm. {@code participant} is the keyed CPR pseudonym, never the CPR number.
 * {@code enrolledOn} is the analysis start: the Europe/Copenhagen date of {@code enrolledAt}, or the date given
 * for an imported allocation.
 */
public record ParticipantEnrolled(UUID enrolmentId, UUID trialId, String participant, String arm, String jobcentre,
                                  String stratum, Instant enrolledAt, LocalDate enrolledOn, boolean imported) {
}
