package dk.trials.events.trial;

import java.time.LocalTime;
import java.util.List;

/**
 * How a trial is monitored, frozen with its design when it opens: the information fractions of the planned formal
 * looks (the last is 1), the alpha-spending family, optional advisory futility, the reporting lag that sets a look's
 * default data cut (today minus the lag: outcomes need time to be reported) and the Europe/Copenhagen time of day at
 * which scheduled looks are taken. Every component is filled in by trial-service before the design is published.
 */
public record MonitoringPlan(List<Double> informationFractions, SpendingPlan spending, FutilityPlan futility,
                             Integer reportingLagDays, LocalTime lookTime) {

    public static final List<Double> DEFAULT_INFORMATION_FRACTIONS = List.of(0.5, 0.75, 1.0);
    public static final int DEFAULT_REPORTING_LAG_DAYS = 14;
    public static final LocalTime DEFAULT_LOOK_TIME = LocalTime.of(6, 0);

    /**
     * The looks of trials opened before monitoring plans existed: every tenth of the information, as they were
     * monitored then, with the classic two-sided Lan–DeMets function they were frozen with.
     */
    static final List<Double> LEGACY_INFORMATION_FRACTIONS =
            List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);

    /** The plan of a design that names none: looks at ½, ¾ and all the information, rpact's asOF, no futility. */
    public static MonitoringPlan defaults() {
        return new MonitoringPlan(DEFAULT_INFORMATION_FRACTIONS, new SpendingPlan(SpendingPlan.OBRIEN_FLEMING, null),
                null, DEFAULT_REPORTING_LAG_DAYS, DEFAULT_LOOK_TIME);
    }

    /** The plan of a trial opened before plans existed, named as what it is: the classic function. */
    public static MonitoringPlan legacy() {
        return new MonitoringPlan(LEGACY_INFORMATION_FRACTIONS, new SpendingPlan(SpendingPlan.LAN_DEMETS_CLASSIC, null),
                null, DEFAULT_REPORTING_LAG_DAYS, DEFAULT_LOOK_TIME);
    }

    /** This plan with what it leaves out taken from {@link #defaults()}; futility stays none when absent. */
    public MonitoringPlan withDefaults() {
        MonitoringPlan d = defaults();
        return new MonitoringPlan(informationFractions == null ? d.informationFractions : informationFractions,
                spending == null ? d.spending : spending, futility,
                reportingLagDays == null ? d.reportingLagDays : reportingLagDays,
                lookTime == null ? d.lookTime : lookTime);
    }
}
