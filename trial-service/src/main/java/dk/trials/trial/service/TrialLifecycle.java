package dk.trials.trial.service;

import dk.trials.events.EventType;
import dk.trials.events.trial.TrialStatus;
import dk.trials.trial.AuditAction;

import java.util.Set;

/**
 * The legal steps of a trial's lifecycle, each with the status it starts from, where it leads, what it publishes
 * and how the audit trail names it.
 */
public enum TrialLifecycle {
    OPEN(Set.of(TrialStatus.DRAFT), TrialStatus.RECRUITING, EventType.TRIAL_OPENED, AuditAction.OPENED),
    PAUSE(Set.of(TrialStatus.RECRUITING), TrialStatus.PAUSED, EventType.TRIAL_PAUSED, AuditAction.PAUSED),
    RESUME(Set.of(TrialStatus.PAUSED), TrialStatus.RECRUITING, EventType.TRIAL_RESUMED, AuditAction.RESUMED),
    CLOSE(Set.of(TrialStatus.RECRUITING, TrialStatus.PAUSED), TrialStatus.FOLLOW_UP, EventType.TRIAL_CLOSED, AuditAction.CLOSED),
    COMPLETE(Set.of(TrialStatus.FOLLOW_UP), TrialStatus.COMPLETED, EventType.TRIAL_COMPLETED, AuditAction.COMPLETED);

    private final Set<TrialStatus> from;
    private final TrialStatus to;
    private final EventType event;
    private final AuditAction action;

    TrialLifecycle(Set<TrialStatus> from, TrialStatus to, EventType event, AuditAction action) {
        this.from = from;
        this.to = to;
        this.event = event;
        this.action = action;
    }

    public boolean allowedFrom(TrialStatus status) {
        return from.contains(status);
    }

    public TrialStatus target() {
        return to;
    }

    public EventType event() {
        return event;
    }

    public AuditAction auditAction() {
        return action;
    }
}
