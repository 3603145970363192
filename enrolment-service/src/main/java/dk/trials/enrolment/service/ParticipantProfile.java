package dk.trials.enrolment.service;

import dk.trials.events.trial.BenefitType;

/**
 * What the allocation may know about a citizen: derived from the CPR number (age on the enrolment day, legal gender)
 * and from the request (the benefit type from its closed set). Never the CPR number itself.
 */
public record ParticipantProfile(String jobcentre, int age, String gender, BenefitType benefitType, Integer weeksUnemployed) {
}
