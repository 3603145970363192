package dk.trials.trial.service;

import dk.trials.platform.problem.FieldError;
import dk.trials.trial.Design;

import java.util.List;
import java.util.Map;

/**
 * The changes to an opened trial's monitoring plan that keep the error controlled. Alpha is spent by information,
 * not by look: a look added between planned ones or before the first spends α(t) − α(t_previous) of the same function
 * and leaves every other cumulative level as it was (Lan and DeMets 1983). The reporting lag and look time only say
 * when a look is taken. Removing a planned look, or changing the spending family, its γ or futility, would change
 * what the looks already taken were judged against, so each is refused.
 */
final class PlanAmendment {

    private static final String PREFIX = "monitoringPlan";

    /** Why each frozen part of a plan cannot be amended. */
    private static final Map<String, String> FROZEN = Map.of(
            "spending", "the spending family and its γ never change once a trial has opened: the looks so far were "
                    + "judged against the boundaries they spend",
            "futility", "futility never changes once a trial has opened: its bounds were spent along with the looks so far");

    private PlanAmendment() {
    }

    /** The amended plan, or null with the broken rules added to {@code errors}. */
    static Design.MonitoringPlan apply(Design.MonitoringPlan current, ProposedAmendment.PlanChange change,
                                       List<FieldError> errors) {
        int before = errors.size();
        String notAChange = "is not something an amendment changes in a plan; it can add informationFractions and "
                + "change reportingLagDays and lookTime";
        errors.addAll(SentFieldNames.refused(change.otherFields(), PREFIX, PREFIX,
                field -> FROZEN.getOrDefault(field, notAChange), "has fields that are not part of a plan: " + notAChange));
        Design.MonitoringPlan amended = current;
        List<Double> fractions = change.informationFractions();
        if (fractions != null) {
            String field = PREFIX + ".informationFractions";
            List<FieldError> broken = MonitoringPlanRules.fractionViolations(fractions, field);
            errors.addAll(broken);
            if (broken.isEmpty()) {
                for (Double planned : current.informationFractions()) {
                    if (!fractions.contains(planned)) {
                        errors.add(new FieldError(field, "removes the planned look at " + planned
                                + ": every planned look stays, looks can only be added"));
                    }
                }
            }
            amended = amended.withInformationFractions(fractions);
        }
        if (change.reportingLagDays() != null) {
            amended = amended.withReportingLagDays(change.reportingLagDays());
        }
        if (change.lookTime() != null) {
            amended = amended.withLookTime(change.lookTime());
        }
        if (errors.size() == before && amended.equals(current)) {
            errors.add(new FieldError(PREFIX, "changes nothing in the plan: its looks, reporting lag and look time are "
                    + "already as given"));
        }
        return errors.size() == before ? amended : null;
    }
}
