package dk.trials.enrolment.service;

import dk.trials.events.trial.BenefitType;

/**
 * A jobcentre asks to enrol a citizen. The CPR number is read for eligibility and the pseudonym, then forgotten;
 * {@code benefitType} and {@code weeksUnemployed} are needed where the trial's criteria or strata use them.
 */
public record EnrolCitizen(String cpr, String jobcentre, BenefitType benefitType, Integer weeksUnemployed) {

    /** Never reveal the CPR number, even in a debug print of the command. */
    @Override
    public String toString() {
        return "EnrolCitizen[jobcentre=" + jobcentre + ", benefitType=" + benefitType + ", weeksUnemployed=" + weeksUnemployed + "]";
    }
}
