package dk.trials.trial.rest;

/** Bean-validation values the request models share. */
final class RequestConstraints {

    /**
     * Some character that is not white space. Required text is {@code @NotNull} plus this pattern rather than
     * {@code @NotBlank}, which fails on null too: a missing text is then reported once, as missing (400), and a
     * blank one as breaking the rule (422).
     */
    static final String NOT_BLANK = "^[\\s\\S]*\\S[\\s\\S]*$";
    static final String NOT_BLANK_MESSAGE = "must not be blank";

    /** An arm's code, as allocations, events and estimates name the arm. */
    static final String ARM_CODE = "^[a-z][a-z0-9_-]{0,39}$";
    static final String ARM_CODE_MESSAGE = "must be lower-case letters, digits, - or _, at most 40";

    /*
     * Bounds on what a design may ask for, each far beyond any trial the agency runs and small enough that nothing
     * computed from them (a total weight, a block, an offset) can overflow or make the first enrolment fail.
     */
    /** The most arms a design or a size calculation may have: each arm beyond a few costs power that no trial has. */
    static final int MOST_ARMS = 20;
    /** The largest allocation weight: 100 : 1 is already a trial with almost no comparison arm. */
    static final int LARGEST_WEIGHT = 100;
    /** The largest block: enrolment-service draws a permutation of each block, and no stratum needs more. */
    static final int LARGEST_BLOCK = 100;
    /** The most planned participants: more than the population of Denmark. */
    static final int MOST_PARTICIPANTS = 10_000_000;
    /** The oldest age an eligibility bound or an age band may name. */
    static final int OLDEST_AGE = 130;
    /** The longest unemployment an eligibility bound may name, in weeks: 50 years. */
    static final int LONGEST_UNEMPLOYMENT_WEEKS = 2_600;
    /** The longest list a request may hold where no smaller bound is documented. */
    static final int LONGEST_LIST = 1_000;

    private RequestConstraints() {
    }
}
