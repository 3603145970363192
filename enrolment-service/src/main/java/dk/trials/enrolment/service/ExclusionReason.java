package dk.trials.enrolment.service;

/** The criterion of a trial's design a citizen was found not to meet: the reasons of a CONSORT flow's exclusions. */
public enum ExclusionReason {
    /** Asked for outside the trial's enrolment period. */
    ENROLMENT_PERIOD,
    /** Not on one of the trial's benefit types, or none given where the trial needs one. */
    BENEFIT_TYPE,
    /** Unemployed longer than the trial's maximum, or no duration given where the trial needs one. */
    UNEMPLOYMENT_DURATION,
    /** Younger or older than the trial's ages, on the day asked. */
    AGE
}
