package dk.trials.events.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant allocated to an arm. {@code participant} is the per-trial CPR pseudonym {@code keyId:hex}, never the CPR number.
 * {@code enrolledOn} is the analysis start: the Europe/Copenhagen date of {@code enrolledAt}, or the date given
 * for an imported allocation.
 * <p>
 * {@code sequence} is the enrolment's number within its trial as enrolment-service counts them: 1 for the trial's
 * first allocation, one more for each after, without gaps, in the order the allocations commit. An
 * {@link AllocationCheckpoint} counts the allocations up to one such number, so a consumer can check its own count
 * of the same participants. Null on events published before it existed.
 */
public record ParticipantEnrolled(UUID enrolmentId, UUID trialId, String participant, String arm, String jobcentre,
                                  String stratum, Instant enrolledAt, LocalDate enrolledOn, boolean imported,
                                  Long sequence) {
}
