package dk.trials.enrolment.rest;

/** What an import did: allocations taken over, and citizens skipped because they were already enrolled. */
public record ImportResult(int imported, int alreadyEnrolled) {
}
