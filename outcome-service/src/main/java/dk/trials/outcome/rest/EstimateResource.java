package dk.trials.outcome.rest;

import dk.trials.outcome.TrialPlan;
import dk.trials.outcome.service.EstimateCalculator;
import dk.trials.outcome.service.EstimateHistory;
import dk.trials.outcome.service.RollingEstimates;
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
import java.util.List;
import java.util.UUID;

@Path("/api/v1/trials/{trialId}")
@Tag(name = "Estimates", description = "Rolling effect estimates, their history and the survival curves")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class EstimateResource {

    private static final String NOT_ACCEPTABLE = "Accept names neither application/json nor text/csv";

    private final TrialPlans plans;
    private final EstimateCalculator calculator;
    private final RollingEstimates rolling;
    private final EstimateHistory history;
    private final Clock clock;

    public EstimateResource(TrialPlans plans, EstimateCalculator calculator, RollingEstimates rolling,
                            EstimateHistory history, Clock clock) {
        this.plans = plans;
        this.calculator = calculator;
        this.rolling = rolling;
        this.history = history;
        this.clock = clock;
    }

    @GET
    @Path("/estimates")
    @RolesAllowed({Roles.ANALYST, Roles.TRIAL_DESIGNER, Roles.ADMIN})
    @Operation(operationId = "getEstimates", summary = "Effect estimates at a date",
            description = "By allocated arm (intention to treat, withdrawals included): participants, job exits, cumulative "
                    + "job exit at the horizon (1 − Kaplan–Meier, log(−log) 95% CI from Greenwood), restricted mean time "
                    + "to job exit; each arm against control: risk difference (Wald CI), Cox hazard ratio (Efron ties), "
                    + "log-rank and jobcentre-stratified log-rank. A figure that cannot be estimated (a hazard ratio "
                    + "while an arm has no job exit, a log-rank test with zero variance, an interval where Kaplan–Meier "
                    + "is 0 or 1) is null with a reason, never a number that looks like an answer. Analysis time is "
                    + "whole days from enrolment to the earliest of the first job exit, the first censoring event, asOf "
                    + "and the horizon; everything received by now counts (no reporting lag). asOf defaults to today "
                    + "(Europe/Copenhagen) and cannot lie in the future.\n\n"
                    + "monitoring: the decision comes only from the formal looks taken by asOf on frozen data cuts "
                    + "(GET /looks), and stays EFFICACY_BOUNDARY_CROSSED once a look crossed. informationFraction, "
                    + "boundaryZ and observedZ are provisional (provisional: true): what a data cut now would give as "
                    + "the next look under the trial's monitoring plan (its alpha-spending family, Dunnett-type "
                    + "boundaries across comparisons), computed for this answer and never stored, so looking any day "
                    + "spends no alpha and decides nothing. Each comparison's hazardRatio and riskDifference carry, "
                    + "next to the fixed-sample ci95, a repeatedCi95 at that provisional boundary.\n\n"
                    + EstimateCsvExamples.ESTIMATES_COLUMNS)
    @APIResponse(responseCode = "200", description = "The estimates", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EstimateResponse.class),
                    examples = @ExampleObject(name = "estimates", value = EstimateExamples.ESTIMATES)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "csv", value = EstimateCsvExamples.ESTIMATES))})
    @APIResponse(responseCode = "400", description = "asOf is not an ISO date")
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE)
    @APIResponse(responseCode = "422", description = "asOf lies in the future")
    public Response estimates(@PathParam("trialId") UUID trialId,
                              @Parameter(description = "ISO date; default today", example = "2027-06-30")
                              @QueryParam("asOf") String asOf,
                              @Context HttpHeaders headers) {
        TrialPlan plan = plans.get(trialId);
        LocalDate day = AsOf.parse(asOf, clock);
        EstimateResponse estimates = EstimateMapper.toResponse(
                rolling.currentFor(trialId, day).orElseGet(() -> calculator.estimate(plan, day)));
        return Csv.wanted(headers) ? Response.ok(EstimateCsv.of(estimates), Csv.MEDIA_TYPE).build()
                : Response.ok(estimates, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/estimates/history")
    @RolesAllowed({Roles.ANALYST, Roles.TRIAL_DESIGNER, Roles.ADMIN})
    @Operation(operationId = "getEstimateHistory", summary = "The estimates over time",
            description = "Every recorded point, oldest first: one a day (the day's latest rolling figures, with the "
                    + "monitoring as it stood that day: the formal looks' decision and provisional figures) and any "
                    + "frozen at a formal monitoring look, so a dashboard can plot the effect and its interval as the "
                    + "trial runs. Points recorded before monitoring plans existed read with the classic Lan–DeMets "
                    + "spending named and without reasons or repeated intervals.\n\n"
                    + EstimateCsvExamples.HISTORY_COLUMNS)
    @APIResponse(responseCode = "200", description = "The history", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EstimateHistoryResponse.class),
                    examples = @ExampleObject(name = "history", value = EstimateExamples.HISTORY)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "csv", value = EstimateCsvExamples.HISTORY))})
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE)
    public Response history(@PathParam("trialId") UUID trialId, @Context HttpHeaders headers) {
        plans.get(trialId);
        List<EstimateHistoryResponse.Point> points = history.points(trialId).stream()
                .map(p -> new EstimateHistoryResponse.Point(p.asOf(), p.kind(), p.look(), p.computedAt(),
                        EstimateMapper.toResponse(p.estimate())))
                .toList();
        EstimateHistoryResponse history = new EstimateHistoryResponse(trialId, points);
        return Csv.wanted(headers) ? Response.ok(EstimateCsv.of(history), Csv.MEDIA_TYPE).build()
                : Response.ok(history, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/survival")
    @RolesAllowed({Roles.ANALYST, Roles.TRIAL_DESIGNER, Roles.ADMIN})
    @Operation(operationId = "getSurvivalCurves", summary = "Kaplan–Meier curves by arm",
            description = "For each allocated arm, the Kaplan–Meier curve of remaining without a job exit at asOf (default "
                    + "today), one point per day with a job exit or censoring up to the horizon, with Greenwood standard "
                    + "errors and log(−log) 95% limits as R's survfit(conf.type = \"log-log\").\n\n"
                    + EstimateCsvExamples.SURVIVAL_COLUMNS)
    @APIResponse(responseCode = "200", description = "The curves", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurvivalResponse.class),
                    examples = @ExampleObject(name = "curves", value = EstimateExamples.SURVIVAL)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "csv", value = EstimateCsvExamples.SURVIVAL))})
    @APIResponse(responseCode = "400", description = "asOf is not an ISO date")
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE)
    @APIResponse(responseCode = "422", description = "asOf lies in the future")
    public Response survival(@PathParam("trialId") UUID trialId,
                             @Parameter(description = "ISO date; default today", example = "2027-06-30")
                             @QueryParam("asOf") String asOf,
                             @Context HttpHeaders headers) {
        TrialPlan plan = plans.get(trialId);
        LocalDate day = AsOf.parse(asOf, clock);
        List<SurvivalResponse.ArmCurve> arms = calculator.survival(plan, day).stream()
                .map(arm -> new SurvivalResponse.ArmCurve(arm.arm(), arm.participants(), arm.curve().points().stream()
                        .map(p -> new SurvivalResponse.Point(p.time(), p.nRisk(), p.nEvent(), p.nCensor(), p.surv(),
                                Double.isFinite(p.stdErr()) ? p.stdErr() : null, p.lower(), p.upper(),
                                p.cumulativeIncidence()))
                        .toList()))
                .toList();
        SurvivalResponse curves = new SurvivalResponse(trialId, day, plan.horizonDays, arms);
        return Csv.wanted(headers) ? Response.ok(SurvivalCsv.of(curves), Csv.MEDIA_TYPE).build()
                : Response.ok(curves, MediaType.APPLICATION_JSON).build();
    }
}
