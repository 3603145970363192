package dk.trials.outcome.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.outcome.service.LookReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Maps looks to their REST models. The frozen inputs and result are converted member by member by name: the REST
 * types mirror the stored documents exactly, which is what lets a reader recompute the hash from the report (and
 * a missing or renamed member fails the conversion instead of silently changing what the hash means).
 */
@ApplicationScoped
public class LookMapper {

    private final ObjectMapper json;

    public LookMapper(ObjectMapper json) {
        this.json = json;
    }

    LookReportResponse report(LookReport r) {
        return new LookReportResponse(r.trialId(), r.number(), r.frozen(), r.cutDate(), r.takenAt(), r.requestedBy(),
                r.reason(), r.finalLook(), r.informationRate(), r.boundaryZ(), r.observedZ(), r.comparisonArm(),
                r.decision(), r.crossedArms(), r.futileArms(), r.sha256(),
                r.inputs() == null ? null : json.convertValue(r.inputs(), LookReportResponse.FrozenInputs.class),
                r.result() == null ? null : json.convertValue(r.result(), LookReportResponse.LookFigures.class),
                r.signOffs().stream().map(LookMapper::signOff).toList());
    }

    static LookSignOffResponse signOff(LookReport.SignOff s) {
        return new LookSignOffResponse(s.look(), s.signedBy(), s.signedAt(), s.decision(), s.comment(), s.sha256());
    }
}
