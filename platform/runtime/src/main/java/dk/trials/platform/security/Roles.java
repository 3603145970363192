package dk.trials.platform.security;

/** The roles of the contract, as they travel in the token's {@code groups} claim. */
public final class Roles {
    public static final String TRIAL_DESIGNER = "trial-designer";
    public static final String JOBCENTRE = "jobcentre";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
