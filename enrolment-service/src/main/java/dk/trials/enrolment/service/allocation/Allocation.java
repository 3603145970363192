package dk.trials.enrolment.service.allocation;

/** The arm an allocator chose and the allocation state after it. */
public record Allocation<S>(String arm, S after) {
}
