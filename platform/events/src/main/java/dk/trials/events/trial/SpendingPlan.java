package dk.trials.events.trial;

import java.util.List;

/**
 * The alpha-spending family of a monitoring plan by its rpact name ({@code typeOfDesign}), two-sided as rpact
 * computes it, and γ for the families that take one (asKD, asHSD). {@value #LAN_DEMETS_CLASSIC} is the original
 * two-sided Lan–DeMets O'Brien–Fleming function 2 − 2Φ(z_{α/2}/√t), which rpact has no name for.
 */
public record SpendingPlan(String family, Double gamma) {

    public static final String OBRIEN_FLEMING = "asOF";
    public static final String POCOCK = "asP";
    public static final String KIM_DEMETS = "asKD";
    public static final String HWANG_SHIH_DECANI = "asHSD";
    public static final String LAN_DEMETS_CLASSIC = "LanDeMetsClassic";

    /** Every family a plan may name. */
    public static final List<String> FAMILIES = List.of(OBRIEN_FLEMING, POCOCK, KIM_DEMETS, HWANG_SHIH_DECANI,
            LAN_DEMETS_CLASSIC);

    /** The families that need γ. */
    public static final List<String> FAMILIES_WITH_GAMMA = List.of(KIM_DEMETS, HWANG_SHIH_DECANI);
}
