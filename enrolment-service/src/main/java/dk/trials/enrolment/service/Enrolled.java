package dk.trials.enrolment.service;

import dk.trials.enrolment.Enrolment;

/** The citizen's enrolment, and whether this request created it or found it from an earlier one. */
public record Enrolled(Enrolment enrolment, boolean created) {
}
