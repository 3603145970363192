package dk.trials.enrolment.service;

import dk.trials.enrolment.Enrolment;

/** An enrolment with the jobcentre that acts for the participant now (the enrolling one unless transferred). */
public record Participant(Enrolment enrolment, String responsibleJobcentre) {
}
