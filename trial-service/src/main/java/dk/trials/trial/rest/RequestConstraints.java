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

    private RequestConstraints() {
    }
}
