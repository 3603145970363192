package dk.trials.outcome.rest;

import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.service.AnalysisSet;
import dk.trials.outcome.service.ParticipantDataReads;
import dk.trials.outcome.service.TrialPlans;
import dk.trials.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/trials/{trialId}/analysis-set")
@Tag(name = "Estimates", description = "Rolling effect estimates, their history and the survival curves")
public class AnalysisSetResource {

    static final String READ = "getAnalysisSet";

    private final TrialPlans plans;
    private final AnalysisSet analysisSet;
    private final ParticipantDataReads reads;
    private final Clock clock;

    public AnalysisSetResource(TrialPlans plans, AnalysisSet analysisSet, ParticipantDataReads reads, Clock clock) {
        this.plans = plans;
        this.analysisSet = analysisSet;
        this.reads = reads;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = READ, summary = "The pseudonymised participant-level analysis set at a date",
            description = "One row per participant enrolled by asOf (default today, Europe/Copenhagen; never in the "
                    + "future), by allocated arm with withdrawals included: exactly the follow-up the estimates count "
                    + "at that asOf, so that in R survfit(Surv(followUpDays, jobExit) ~ arm, conf.type = \"log-log\") "
                    + "and coxph(Surv(followUpDays, jobExit) ~ arm, ties = \"efron\") on it give GET /estimates' "
                    + "cumulative incidence, risk difference and hazard ratio (jobcentre is the strata of the "
                    + "stratified log-rank). rowId is an HMAC of the enrolment id under a key of this trial's own: "
                    + "stable across downloads of the trial, unrelated to other trials, never the enrolment id or a "
                    + "pseudonym; no CPR number. Participant-level data: for the roles analyst and admin only, and "
                    + "every read is audited (who, when, how many rows). With Accept: text/csv one row per "
                    + "participant with the columns trialId, asOf, horizonDays, rowId, arm, jobcentre, stratum, "
                    + "enrolledOn (ISO date), followUpDays, jobExit (1 or 0), ending (JOB_EXIT, EMIGRATED, DECEASED, "
                    + "LOST_TO_FOLLOW_UP, HORIZON or AS_OF) and withdrawnOn (ISO date, empty if not withdrawn by "
                    + "asOf); RFC 4180 quoting, a header row, '.' as the decimal point.")
    @APIResponse(responseCode = "200", description = "The analysis set", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalysisSetResponse.class),
                    examples = @ExampleObject(name = "analysis-set", value = AnalysisSetExamples.JSON)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "csv", value = AnalysisSetExamples.CSV))})
    @APIResponse(responseCode = "400", description = "asOf is not an ISO date")
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "406", description = "Accept names neither application/json nor text/csv")
    @APIResponse(responseCode = "422", description = "asOf lies in the future")
    public Response analysisSet(@PathParam("trialId") UUID trialId,
                                @Parameter(description = "ISO date; default today", example = "2027-06-30")
                                @QueryParam("asOf") String asOf,
                                @Context HttpHeaders headers) {
        TrialPlan plan = plans.get(trialId);
        LocalDate day = AsOf.parse(asOf, clock);
        AnalysisSetResponse set = new AnalysisSetResponse(trialId, day, plan.horizonDays, plan.controlArm,
                analysisSet.rows(plan, day).stream()
                        .map(r -> new AnalysisSetResponse.Row(r.rowId(), r.arm(), r.jobcentre(), r.stratum(),
                                r.enrolledOn(), r.followUpDays(), r.jobExit(), r.ending(), r.withdrawnOn()))
                        .toList());
        reads.record(READ, trialId, set.rows().size());
        return Csv.wanted(headers) ? Response.ok(AnalysisSetCsv.of(set), Csv.MEDIA_TYPE).build()
                : Response.ok(set, MediaType.APPLICATION_JSON).build();
    }
}
