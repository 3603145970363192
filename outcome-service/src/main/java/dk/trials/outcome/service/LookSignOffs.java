package dk.trials.outcome.service;

import dk.trials.outcome.CommitteeDecision;
import dk.trials.outcome.LookAuditEntry;
import dk.trials.outcome.MonitoringLook;
import dk.trials.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * A data monitoring committee member's sign-off of a look's report, recorded in the look audit trail with who,
 * when, the committee's decision and the hash of the report they read. A sign-off naming another hash is refused:
 * they signed something other than this look.
 */
@ApplicationScoped
public class LookSignOffs {

    private final LookReports reports;
    private final Clock clock;

    public LookSignOffs(LookReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Transactional
    public LookReport.SignOff signOff(UUID trialId, int number, CommitteeDecision decision, String comment,
                                      String sha256, String signedBy) {
        MonitoringLook look = reports.stored(trialId, number);
        if (!look.frozen) {
            throw ProblemException.conflict("Look " + number + " was taken on live data before frozen cuts existed; "
                    + "it has no frozen report to sign");
        }
        if (!look.sha256.equals(sha256)) {
            throw ProblemException.conflict("The sha256 " + sha256 + " is not that of look " + number + " ("
                    + look.sha256 + "): the sign-off is of another report");
        }
        LookAuditEntry entry = new LookAuditEntry();
        entry.trialId = trialId;
        entry.look = number;
        entry.action = LookAuditEntry.Action.SIGNED_OFF;
        entry.actor = signedBy;
        entry.at = clock.instant();
        entry.committeeDecision = decision;
        entry.comment = comment;
        entry.sha256 = sha256;
        entry.persist();
        return LookReports.signOff(entry);
    }
}
