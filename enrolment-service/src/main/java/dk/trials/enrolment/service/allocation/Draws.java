package dk.trials.enrolment.service.allocation;

/**
 * The only source of chance an allocator may use. Live allocations draw from a cryptographically strong generator
 * and record every draw; a replay feeds the recorded draws back, so the same function gives the same arm.
 */
public interface Draws {

    /** A uniform integer in {@code [0, bound)}. */
    int below(int bound);

    /** A uniform number in {@code [0, 1)}. */
    double uniform();
}
