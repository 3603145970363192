package dk.trials.trial.service;

import dk.trials.events.EventType;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.trial.AuditAction;
import dk.trials.trial.Design;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialAmendment;
import dk.trials.trial.messaging.TrialEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Amends an opened trial, only in ways that keep what has been allocated and estimated so far valid: add a
 * jobcentre, extend the enrolment period, raise planned participants, and change the monitoring plan only where the
 * error stays controlled (looks added, see {@link PlanAmendment}; another reporting lag or look time). Arms,
 * randomisation, the primary outcome and the rest of the design never change once the trial is open. Each amendment
 * is numbered, kept, audited and published with the full amended design.
 */
@ApplicationScoped
public class AmendmentService {

    /** Why each frozen part of a design cannot be amended; anything else is simply not an amendment. */
    private static final Map<String, String> FROZEN = Map.ofEntries(
            Map.entry("arms", "arms never change once a trial has opened: allocations were made to them"),
            Map.entry("randomisation", "randomisation never changes once a trial has opened: it decided the allocations so far"),
            Map.entry("primaryOutcome", "the primary outcome never changes once a trial has opened: the trial is powered and analysed on it"),
            Map.entry("power", "the power assumptions never change once a trial has opened: monitoring divides by the planned events"),
            Map.entry("type", "the trial type is frozen since the trial opened"),
            Map.entry("title", "the title is frozen since the trial opened"),
            Map.entry("targetGroup", "the target group is frozen since the trial opened"),
            Map.entry("eligibility", "eligibility is frozen since the trial opened: it defines who was enrolled"),
            Map.entry("jobcentres", "jobcentres can only be added, with addJobcentres"),
            Map.entry("enrolmentPeriod", "the enrolment period can only be extended, with enrolmentPeriodEnd"));

    private static final Set<TrialStatus> AMENDABLE = Set.of(TrialStatus.RECRUITING, TrialStatus.PAUSED);

    private final TrialService trials;
    private final DesignValidator validator;
    private final DesignHasher hasher;
    private final Municipalities municipalities;
    private final AuditTrail audit;
    private final TrialEventPublisher events;

    public AmendmentService(TrialService trials, DesignValidator validator, DesignHasher hasher,
                            Municipalities municipalities, AuditTrail audit, TrialEventPublisher events) {
        this.trials = trials;
        this.validator = validator;
        this.hasher = hasher;
        this.municipalities = municipalities;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public TrialAmendment amend(UUID trialId, ProposedAmendment proposal, String by) {
        Trial trial = trials.locked(trialId);
        if (!AMENDABLE.contains(trial.status)) {
            throw ProblemException.conflict("Trial " + trialId + " is " + trial.status + "; only a RECRUITING or PAUSED trial is amended"
                    + (trial.status == TrialStatus.DRAFT ? " (a DRAFT is edited with PUT)" : ""));
        }
        Design before = trial.design;
        List<FieldError> errors = new ArrayList<>(refusedFields(proposal.otherFields()));
        List<String> added = addedJobcentres(proposal.addJobcentres(), before.jobcentres(), errors);
        LocalDate end = proposal.enrolmentPeriodEnd();
        if (end != null && !end.isAfter(before.enrolmentPeriod().end())) {
            errors.add(new FieldError("enrolmentPeriodEnd", "must extend the enrolment period beyond its current end "
                    + before.enrolmentPeriod().end()));
        }
        Integer planned = proposal.plannedParticipants();
        if (planned != null && planned <= before.plannedParticipants()) {
            errors.add(new FieldError("plannedParticipants", "must raise planned participants above the current "
                    + before.plannedParticipants()));
        }
        Design.MonitoringPlan planBefore = trial.design.monitoringPlan();
        // A trial opened before plans existed is monitored by the legacy plan: its amendment starts from there.
        Design.MonitoringPlan planMonitored = planBefore == null ? Design.MonitoringPlan.legacy() : planBefore;
        Design.MonitoringPlan planAfter = null;
        if (proposal.monitoringPlan() != null) {
            if (!before.type().randomised()) {
                errors.add(new FieldError("monitoringPlan", "a " + before.type()
                        + " has no control arm: there is no comparison to monitor"));
            } else {
                planAfter = PlanAmendment.apply(planMonitored, proposal.monitoringPlan(), errors);
            }
        }
        if (errors.isEmpty() && added.isEmpty() && end == null && planned == null && planAfter == null) {
            errors.add(new FieldError("amendment", "changes nothing: give addJobcentres, a later enrolmentPeriodEnd, more "
                    + "plannedParticipants or a monitoringPlan change"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.brokenRules("Amendment refused", "amendment", errors);
        }

        List<String> jobcentres = new ArrayList<>(before.jobcentres());
        jobcentres.addAll(added);
        Design widened = before.widenedTo(List.copyOf(jobcentres), end != null ? end : before.enrolmentPeriod().end(),
                planned != null ? planned : before.plannedParticipants());
        Design after = planAfter == null ? widened : widened.withMonitoringPlan(planAfter);
        // Only widening changes are possible here, so the amended design meets every rule the opened one met; looks
        // were added within the rules already.
        validator.requireValid(after);

        TrialAmendment amendment = new TrialAmendment();
        amendment.id = UUID.randomUUID();
        amendment.trialId = trial.id;
        amendment.number = trial.amendments + 1;
        amendment.reason = proposal.reason().strip();
        amendment.addedJobcentres = List.copyOf(added);
        amendment.enrolmentPeriodEndBefore = before.enrolmentPeriod().end();
        amendment.enrolmentPeriodEnd = after.enrolmentPeriod().end();
        amendment.plannedParticipantsBefore = before.plannedParticipants();
        amendment.plannedParticipants = after.plannedParticipants();
        if (planAfter != null) {
            amendment.monitoringPlanBefore = planBefore;
            amendment.monitoringPlan = planAfter;
        }
        amendment.designHashBefore = trial.designHash;

        trial.replaceDesign(after);
        trial.designHash = hasher.hash(after);
        trial.amendments = amendment.number;
        trials.touch(trial, by);

        amendment.designHashAfter = trial.designHash;
        amendment.amendedBy = by;
        amendment.amendedAt = trial.updatedAt;
        amendment.persist();
        String planChanges = planAfter == null ? ""
                : "; monitoring plan " + String.join(", ", DesignChanges.monitoringPlan(planMonitored, planAfter))
                + (planBefore == null ? " (from the legacy plan)" : "");
        audit.record(trial, AuditAction.AMENDED, trial.status, before,
                "amendment " + amendment.number + ": " + amendment.reason + planChanges);
        events.publish(EventType.TRIAL_AMENDED, trial);
        return amendment;
    }

    public List<TrialAmendment> amendments(UUID trialId) {
        trials.get(trialId);
        return TrialAmendment.of(trialId);
    }

    public TrialAmendment amendment(UUID trialId, int number) {
        return TrialAmendment.<TrialAmendment>find("trialId = ?1 and number = ?2", trialId, number).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Trial " + trialId + " has no amendment " + number));
    }

    private static List<FieldError> refusedFields(Set<String> fields) {
        String notAChange = "is not something an amendment changes; it can add jobcentres (addJobcentres), extend the "
                + "enrolment period (enrolmentPeriodEnd), raise plannedParticipants and change the monitoringPlan";
        return SentFieldNames.refused(fields, null, "amendment", field -> FROZEN.getOrDefault(field, notAChange),
                "has fields that are not part of a design: " + notAChange);
    }

    private List<String> addedJobcentres(List<String> codes, List<String> current, List<FieldError> errors) {
        if (codes == null) {
            return List.of();
        }
        List<String> added = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String field = "addJobcentres[" + i + "]";
            if (!municipalities.known(code)) {
                errors.add(new FieldError(field, Municipalities.UNKNOWN));
            } else if (current.contains(code)) {
                errors.add(new FieldError(field, "jobcentre " + code + " already takes part in the trial"));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(field, "jobcentre " + code + " is listed twice"));
            } else {
                added.add(code);
            }
        }
        return added;
    }
}
