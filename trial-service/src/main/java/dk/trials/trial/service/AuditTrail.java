package dk.trials.trial.service;

import dk.trials.events.trial.TrialStatus;
import dk.trials.trial.AuditAction;
import dk.trials.trial.Design;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialAuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Appends a change to a trial's audit trail, in the transaction that makes the change, so the trail holds exactly
 * the changes that happened. Drafts are hashed too, so every entry links its design before and after, and each entry
 * keeps the warnings of the design as the change left it.
 */
@ApplicationScoped
public class AuditTrail {

    private final DesignHasher hasher;

    public AuditTrail(DesignHasher hasher) {
        this.hasher = hasher;
    }

    /** Records {@code after} as just changed: its {@code updatedBy} and {@code updatedAt} say who changed it and when. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Trial after, AuditAction action, TrialStatus statusBefore, Design designBefore, String detail) {
        TrialAuditEntry entry = new TrialAuditEntry();
        entry.trialId = after.id;
        entry.action = action;
        entry.actor = after.updatedBy;
        entry.at = after.updatedAt;
        entry.statusBefore = statusBefore;
        entry.statusAfter = after.status;
        entry.designHashBefore = designBefore == null ? null : hasher.hash(designBefore);
        entry.designHashAfter = hasher.hash(after.design);
        entry.detail = detail;
        entry.warnings = ConcealmentWarnings.of(after.design);
        entry.persist();
    }

    /** The trail of a trial, oldest first; empty for a trial that does not exist. */
    public List<TrialAuditEntry> of(UUID trialId) {
        return TrialAuditEntry.of(trialId);
    }
}
