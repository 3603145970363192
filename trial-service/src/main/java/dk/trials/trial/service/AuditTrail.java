package dk.trials.trial.service;

import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.trial.Trial;
import dk.trials.trial.TrialAuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Appends a change to a trial's audit trail, in the transaction that makes the change, so the trail holds exactly
 * the changes that happened. Drafts are hashed too, so every entry links its design before and after.
 */
@ApplicationScoped
public class AuditTrail {

    private final DesignHasher hasher;

    public AuditTrail(DesignHasher hasher) {
        this.hasher = hasher;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Trial after, AuditAction action, TrialStatus statusBefore, TrialDesign designBefore, String detail) {
        TrialAuditEntry entry = new TrialAuditEntry();
        entry.trialId = after.id;
        entry.action = action.name();
        entry.actor = after.updatedBy;
        entry.at = after.updatedAt != null ? after.updatedAt : Instant.now();
        entry.statusBefore = statusBefore;
        entry.statusAfter = after.status;
        entry.designHashBefore = designBefore == null ? null : hasher.hash(designBefore);
        entry.designHashAfter = hasher.hash(after.design);
        entry.detail = detail;
        entry.persist();
    }
}
