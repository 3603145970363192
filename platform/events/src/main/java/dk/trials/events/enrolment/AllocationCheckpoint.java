package dk.trials.events.enrolment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What enrolment-service had allocated in a trial up to one of its enrolment numbers: the trial's enrolments with a
 * {@link ParticipantEnrolled#sequence()} of 1 to {@code upToSequence}, counted per allocated arm (arms without an
 * allocation may be left out), and how many of them had withdrawn by {@code publishedAt}. Published on
 * enrolment-events behind the enrolments it counts (same key, same partition), so a consumer that has applied every
 * earlier record of the trial should count exactly the same; a difference is a lost, doubled or misread event.
 * {@code screening} counts, at {@code publishedAt}, the citizens found not eligible for the trial; null from a
 * producer that did not count them yet.
 */
public record AllocationCheckpoint(UUID trialId, long upToSequence, Map<String, Long> allocatedPerArm, long withdrawn,
                                   Instant publishedAt, EligibilityScreening screening) {

    public AllocationCheckpoint {
        allocatedPerArm = allocatedPerArm == null ? Map.of() : Map.copyOf(allocatedPerArm);
    }
}
