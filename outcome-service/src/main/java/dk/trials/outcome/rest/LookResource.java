package dk.trials.outcome.rest;

import dk.trials.outcome.MonitoringLook;
import dk.trials.outcome.service.LookReport;
import dk.trials.outcome.service.LookReports;
import dk.trials.outcome.service.LookSignOffs;
import dk.trials.outcome.service.LookTaking;
import dk.trials.platform.idempotency.IdempotencyKey;
import dk.trials.platform.idempotency.IdempotentRequests;
import dk.trials.platform.problem.Problem;
import dk.trials.platform.security.Caller;
import dk.trials.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/trials/{trialId}/looks")
@Tag(name = "Looks", description = "Formal group-sequential looks on frozen data cuts, their reports and sign-off")
public class LookResource {

    private static final String INTERIM = " By-arm interim results: for the roles admin and analyst only (the data "
            + "monitoring committee and its statisticians); trial designers and jobcentres never see them.";
    private static final String CSV = " With Accept: text/csv the same report in long format, one row per figure "
            + "(of the look, of each arm, of each comparison), each row naming the look, cut and sha256.";

    private final LookTaking taking;
    private final LookReports reports;
    private final LookSignOffs signOffs;
    private final LookMapper mapper;
    private final Caller caller;
    private final IdempotentRequests idempotent;

    public LookResource(LookTaking taking, LookReports reports, LookSignOffs signOffs, LookMapper mapper,
                        Caller caller, IdempotentRequests idempotent) {
        this.taking = taking;
        this.reports = reports;
        this.signOffs = signOffs;
        this.mapper = mapper;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "takeLook", summary = "Take a formal look on request",
            description = "Takes the trial's next formal look on a frozen data cut: only outcomes dated on or before "
                    + "cutDate (default today minus the plan's reportingLagDays, Europe/Copenhagen) and received by "
                    + "now count. The look waits for the trial's bulk uploads in flight, so it never sees part of a "
                    + "file (503 if they are still loading after the wait). Its inputs (per arm, jobcentre and day), "
                    + "result and SHA-256 are frozen; the request is audited (who, when, reason, look number, hash). "
                    + "A look on request is taken whether or not a planned information fraction is due (its "
                    + "boundary spends alpha at its own information rate); a look on a COMPLETED trial is its final "
                    + "look. Scheduled looks (requestedBy schedule) are taken daily at the plan's lookTime "
                    + "(Europe/Copenhagen) once the default cut's information reaches the next planned fraction. 400 when the request cannot be read (reason "
                    + "missing, a cutDate that does not parse); 422 for a cut in the future or before the trial's "
                    + "enrolment began, or a blank or over-long reason; 409 after the final look, for a single-arm "
                    + "trial or one without planned events, or when the information has not grown since the last "
                    + "look. A retry sent with the first attempt's Idempotency-Key gets its answer (the same look, "
                    + "Location and report) instead of a second look; the same key with another request is 422."
                    + INTERIM)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LookRequest.class),
            examples = @ExampleObject(name = "interim", value = LookExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Taken; Location names the look", content = @Content(
            schema = @Schema(implementation = LookReportResponse.class),
            examples = @ExampleObject(name = "taken", value = LookExamples.REPORT)))
    @APIResponse(responseCode = "400", description = "Unreadable: reason missing, or a cutDate that does not parse; or "
            + "an Idempotency-Key that is not a key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "After the final look; a trial that cannot be monitored; no new "
            + "information since the last look")
    @APIResponse(responseCode = "422", description = "A cut in the future or before the trial; a blank or over-long "
            + "reason; or the Idempotency-Key was used with a different request")
    @APIResponse(responseCode = "503", description = "A bulk upload into the trial is still loading; try again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response take(@PathParam("trialId") UUID trialId,
                         @HeaderParam(IdempotencyKey.HEADER) @Parameter(in = ParameterIn.HEADER,
                                 description = IdempotencyKey.DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                 maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN))
                         String idempotencyKey,
                         LookRequest request, @Context UriInfo uri) {
        LookRequestReader.LookCommand command = LookRequestReader.look(request);
        if (idempotencyKey == null) {
            MonitoringLook look = taking.request(trialId, command.cutDate(), caller.name(), command.reason());
            return taken(trialId, look, uri);
        }
        return takeOnce(trialId, idempotencyKey, request, command, uri);
    }

    /**
     * A keyed look: each try runs in the transaction that keeps the answer for the key, so the look and its kept
     * answer commit together or not at all. A try that meets an upload in flight writes nothing and rolls back, the
     * key's row with it, and LookTaking's one wait for uploads tries again.
     */
    private Response takeOnce(UUID trialId, String idempotencyKey, LookRequest request,
                              LookRequestReader.LookCommand command, UriInfo uri) {
        return taking.untilNoUploadInFlight(trialId, () -> {
            try {
                return Optional.of(idempotent.answer(idempotencyKey, "takeLook", List.of(trialId, request), () -> {
                    LookTaking.Attempt attempt = taking.attempt(trialId, command.cutDate(), caller.name(),
                            command.reason(), false);
                    if (attempt.outcome() != LookTaking.Outcome.TAKEN) {
                        throw new UploadStillLoading();
                    }
                    return taken(trialId, attempt.look(), uri);
                }));
            } catch (UploadStillLoading stillLoading) {
                return Optional.empty();
            }
        });
    }

    private Response taken(UUID trialId, MonitoringLook look, UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(look.look)).build())
                .entity(mapper.report(reports.one(trialId, look.look))).type(MediaType.APPLICATION_JSON).build();
    }

    /** An attempt met an upload into the trial in flight: it took no look, and its transaction rolls back. */
    private static final class UploadStillLoading extends RuntimeException {
        UploadStillLoading() {
            super(null, null, false, false);
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, LookCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "listLooks", summary = "Every formal look of the trial",
            description = "Each look's report, read back from what was frozen when it was taken (nothing is "
                    + "recomputed from live data), in order, with its sign-offs. Legacy looks, taken on live data by "
                    + "the rolling refresh before frozen cuts existed, are listed with frozen false and no hash."
                    + CSV + INTERIM)
    @APIResponse(responseCode = "200", description = "The looks", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookListResponse.class),
                    examples = @ExampleObject(name = "looks", value = LookExamples.LIST)),
            @Content(mediaType = LookCsv.MEDIA_TYPE, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "csv", value = LookExamples.CSV))})
    @APIResponse(responseCode = "404", description = "No such trial")
    public Response list(@PathParam("trialId") UUID trialId, @Context HttpHeaders headers) {
        List<LookReport> all = reports.all(trialId);
        if (wantsCsv(headers)) {
            return Response.ok(LookCsv.of(all), LookCsv.MEDIA_TYPE).build();
        }
        return Response.ok(new LookListResponse(trialId, all.stream().map(mapper::report).toList()),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{look}")
    @Produces({MediaType.APPLICATION_JSON, LookCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "getLook", summary = "A formal look's report",
            description = "The look's report, read back from what was frozen when it was taken: read a month later, "
                    + "after late outcomes for dates before its cut arrived, it has the same numbers and sha256. "
                    + "inputs and result are exactly what sha256 covers, so it can be recomputed from the report."
                    + CSV + INTERIM)
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookReportResponse.class),
                    examples = {@ExampleObject(name = "frozen", value = LookExamples.REPORT),
                            @ExampleObject(name = "legacy", value = LookExamples.LEGACY_REPORT)}),
            @Content(mediaType = LookCsv.MEDIA_TYPE, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "csv", value = LookExamples.CSV))})
    @APIResponse(responseCode = "404", description = "No such trial or look")
    public Response one(@PathParam("trialId") UUID trialId,
                        @Parameter(description = "The look's number", example = "1") @PathParam("look") int look,
                        @Context HttpHeaders headers) {
        LookReport report = reports.one(trialId, look);
        if (wantsCsv(headers)) {
            return Response.ok(LookCsv.of(List.of(report)), LookCsv.MEDIA_TYPE).build();
        }
        return Response.ok(mapper.report(report), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{look}/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "signOffLook", summary = "Record a committee member's sign-off of a look's report",
            description = "Records in the look audit trail who signed, when, and the data monitoring committee's "
                    + "decision (CONTINUE, STOP_FOR_EFFICACY, STOP_FOR_FUTILITY, MODIFY) on the report with this "
                    + "sha256. 409 when sha256 is not the look's (the member read another report) or the look is a "
                    + "legacy one without a frozen report; 400 when decision or sha256 is missing; 422 for a "
                    + "decision outside the closed set, a sha256 that is not 64 lower-case hex digits, or a blank or "
                    + "over-long comment.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LookSignOffRequest.class),
            examples = @ExampleObject(name = "continue", value = LookExamples.SIGN_OFF)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            schema = @Schema(implementation = LookSignOffResponse.class),
            examples = @ExampleObject(name = "signed", value = LookExamples.SIGNED)))
    @APIResponse(responseCode = "400", description = "Unreadable: decision or sha256 missing",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such trial or look")
    @APIResponse(responseCode = "409", description = "The sha256 is not this look's; a legacy look")
    @APIResponse(responseCode = "422", description = "A decision outside the closed set, a malformed sha256, a blank "
            + "or over-long comment")
    public Response signOff(@PathParam("trialId") UUID trialId,
                            @Parameter(description = "The look's number", example = "1") @PathParam("look") int look,
                            LookSignOffRequest request) {
        LookRequestReader.SignOffCommand command = LookRequestReader.signOff(request);
        LookReport.SignOff signed = signOffs.signOff(trialId, look, command.decision(), command.comment(),
                command.sha256(), caller.name());
        return Response.status(201).entity(LookMapper.signOff(signed)).type(MediaType.APPLICATION_JSON).build();
    }

    /** CSV when the caller's most preferred acceptable type is text/csv itself (a wildcard gets JSON). */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
