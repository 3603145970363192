package dk.trials.enrolment;

import com.fasterxml.jackson.annotation.JsonFormat;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;

import java.time.LocalDate;
import java.util.List;

/**
 * The stored form of a trial's frozen design ({@code known_trial.design}, jsonb): what eligibility and allocation
 * read, in this service's own type, so that a change to the trial event cannot silently change stored rows. It is
 * written when the trial is learned from a trial event, with the events module's design normalisation already
 * applied: the block sizes and the minimisation probability are the ones allocation uses, not re-derived here.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; a later shape gets a new number and a migration of the stored rows
 */
public record TrialDocument(int schemaVersion, List<Arm> arms, Randomisation randomisation, Eligibility eligibility,
                            List<String> jobcentres, EnrolmentPeriod enrolmentPeriod) {

    public static final int SCHEMA_VERSION = 1;

    /** An arm by its code, with its allocation weight. */
    public record Arm(String code, int allocationWeight) {
    }

    /**
     * How participants are allocated.
     *
     * @param blockSizes              permuted blocks only (else null): each a whole multiple of the arms' total weight
     * @param minimisationProbability minimisation only (else null): the probability of the minimising arm
     */
    public record Randomisation(RandomisationMethod method, List<Integer> blockSizes,
                                List<StratificationFactor> stratifyBy, List<Integer> ageBands,
                                List<StratificationFactor> minimisationFactors, Double minimisationProbability) {
    }

    /** Who may be enrolled; a null bound or list means no restriction. */
    public record Eligibility(List<String> benefitTypes, Integer minAge, Integer maxAge, Integer maxWeeksUnemployed) {
    }

    /**
     * The days on which citizens may be enrolled, both included. Written as ISO dates whichever mapper writes the
     * row: the consumer inserts with the application's, Hibernate updates with its own.
     */
    public record EnrolmentPeriod(@JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate start,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }
}
