package dk.trials.enrolment.service;

import dk.trials.platform.problem.FieldError;

/** One criterion a citizen fails: the reason it is counted under, and what the caseworker is told. */
public record Ineligibility(ExclusionReason reason, FieldError error) {
}
