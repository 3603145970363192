package dk.trials.enrolment.service;

/** What an import did: allocations taken over, and citizens skipped because they were already enrolled. */
public record Imported(int imported, int alreadyEnrolled) {
}
