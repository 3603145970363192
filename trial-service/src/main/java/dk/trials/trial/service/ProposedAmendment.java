package dk.trials.trial.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A change asked of an opened trial. {@code otherFields} names anything else the request tried to change, which an
 * amendment refuses.
 */
public record ProposedAmendment(String reason, List<String> addJobcentres, LocalDate enrolmentPeriodEnd,
                                Integer plannedParticipants, PlanChange monitoringPlan, Set<String> otherFields) {

    /**
     * A change to the monitoring plan, each part optional: the information fractions as they are to stand (every
     * existing one kept), the reporting lag and the look time. {@code otherFields} names any other part of the plan
     * the request tried to change (spending, futility), which an amendment refuses.
     */
    public record PlanChange(List<Double> informationFractions, Integer reportingLagDays, LocalTime lookTime,
                             Set<String> otherFields) {
    }
}
