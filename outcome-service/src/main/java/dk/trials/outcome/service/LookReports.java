package dk.trials.outcome.service;

import dk.trials.outcome.LookAuditEntry;
import dk.trials.outcome.LookDocuments;
import dk.trials.outcome.LookInputs;
import dk.trials.outcome.LookResult;
import dk.trials.outcome.MonitoringLook;
import dk.trials.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads looks back as reports, from what was stored when each was taken and nothing else: a report read a month
 * later, after late outcomes for dates before its cut arrived, has the same numbers and the same hash.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LookReports {

    private final TrialPlans plans;
    private final StoredLooks looks;

    public LookReports(TrialPlans plans, StoredLooks looks) {
        this.plans = plans;
        this.looks = looks;
    }

    public List<LookReport> all(UUID trialId) {
        plans.get(trialId);
        Map<Integer, List<LookReport.SignOff>> signOffs = signOffs(trialId).stream()
                .collect(Collectors.groupingBy(LookReport.SignOff::look));
        return looks.all(trialId).stream().map(l -> report(l, signOffs.getOrDefault(l.look, List.of()))).toList();
    }

    public LookReport one(UUID trialId, int number) {
        MonitoringLook look = stored(trialId, number);
        return report(look, signOffs(trialId).stream().filter(s -> s.look() == number).toList());
    }

    /** The stored look; 404 for an unknown trial or look. */
    MonitoringLook stored(UUID trialId, int number) {
        plans.get(trialId);
        return looks.find(trialId, number).orElseThrow(() ->
                ProblemException.notFound("Trial " + trialId + " has no look " + number));
    }

    private static List<LookReport.SignOff> signOffs(UUID trialId) {
        return LookAuditEntry.<LookAuditEntry>list("trialId = ?1 and action = ?2 order by id", trialId,
                        LookAuditEntry.Action.SIGNED_OFF).stream()
                .map(LookReports::signOff).toList();
    }

    static LookReport.SignOff signOff(LookAuditEntry entry) {
        return new LookReport.SignOff(entry.look, entry.actor, entry.at, entry.committeeDecision, entry.comment,
                entry.sha256);
    }

    private static LookReport report(MonitoringLook look, List<LookReport.SignOff> signOffs) {
        return new LookReport(look.trialId, look.look, look.frozen, look.cutDate, look.takenAt, look.requestedBy,
                look.reason, look.finalLook, look.informationRate, look.boundaryZ, look.observedZ, look.comparisonArm,
                look.decision, look.crossedArms, look.futileArms, look.sha256,
                look.frozen ? LookDocuments.read(look.inputs, LookInputs.class) : null,
                look.frozen ? LookDocuments.read(look.result, LookResult.class) : null, signOffs);
    }
}
