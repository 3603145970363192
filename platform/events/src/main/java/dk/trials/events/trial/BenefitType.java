package dk.trials.events.trial;

import java.util.Arrays;
import java.util.Optional;

/**
 * The benefits a jobseeker can receive while a jobcentre works with them: the closed set that a design's
 * {@code eligibility.benefitTypes} and an enrolment's {@code benefitType} are taken from. A closed set, so that a value
 * typed into the field (a CPR number, a name) can never be stored in a stratum, answered or published.
 */
public enum BenefitType {
    /** Unemployment insurance benefit. */
    DAGPENGE,
    /** Cash benefit. */
    KONTANTHJAELP,
    /** Education assistance for those under 30 without a vocational education. */
    UDDANNELSESHJAELP,
    /** Self-support and repatriation benefit or transitional benefit (formerly integrationsydelse). */
    SELVFORSOERGELSESYDELSE,
    /** Sickness benefit. */
    SYGEDAGPENGE,
    /** Benefit while waiting for a flexjob. */
    LEDIGHEDSYDELSE,
    /** Benefit during a resource or job-clarification course. */
    RESSOURCEFORLOEBSYDELSE,
    /** Rehabilitation benefit. */
    REVALIDERINGSYDELSE;

    /** The benefit type of this exact name, or empty: never a guess from a near miss. */
    public static Optional<BenefitType> of(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
