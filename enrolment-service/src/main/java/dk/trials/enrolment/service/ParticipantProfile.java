package dk.trials.enrolment.service;

/**
 * What the allocation may know about a citizen: derived from the CPR number (age on the enrolment day, legal gender)
 * and from the request. Never the CPR number itself.
 */
public record ParticipantProfile(String jobcentre, int age, String gender, String benefitType, Integer weeksUnemployed) {
}
