package dk.trials.enrolment.service;

/** An import's lines so far: how many were sent, how many are written, and what became of those. */
public record ImportCounts(long linesSubmitted, long linesProcessed, long imported, long alreadyEnrolled) {
}
