package dk.trials.trial.rest;

import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialType;
import dk.trials.platform.idempotency.IdempotencyKey;
import dk.trials.platform.idempotency.IdempotentRequests;
import dk.trials.platform.problem.Problem;
import dk.trials.platform.security.Caller;
import dk.trials.platform.security.Roles;
import dk.trials.trial.Trial;
import dk.trials.trial.service.Municipalities;
import dk.trials.trial.service.TrialLifecycle;
import dk.trials.trial.service.TrialPage;
import dk.trials.trial.service.TrialQuery;
import dk.trials.trial.service.TrialService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/trials")
@Tag(name = "Trials", description = "Trial designs and their lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class TrialResource {

    /** What a jobcentre token reads, as the two reading operations describe it. */
    static final String CONCEALED_VIEW = "A jobcentre token reads every trial concealed (concealed: true): without "
            + "randomisation.blockSizes, randomisation.minimisationProbability, designHash and warnings, which would "
            + "predict the next allocation and so let whoever enrols choose whom to enrol next. Arm weights, strata and "
            + "minimisation factors stay: the caseworker needs the arms and their shares, and every factor's level is "
            + "one the jobcentre sends. Every other role reads the whole design.";

    private final TrialService trials;
    private final TrialMapper mapper;
    private final Caller caller;
    private final Municipalities municipalities;
    private final IdempotentRequests idempotent;

    public TrialResource(TrialService trials, TrialMapper mapper, Caller caller, Municipalities municipalities,
                         IdempotentRequests idempotent) {
        this.trials = trials;
        this.mapper = mapper;
        this.caller = caller;
        this.municipalities = municipalities;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "createTrial", summary = "Create a trial design",
            description = "Creates a design in status DRAFT. A body that cannot be read (malformed JSON, a wrong type, a "
                    + "required field missing) answers 400; a readable design that breaks a rule (a range, a size, a "
                    + "value outside a closed list, a rule between fields) 422. Each failure is one entry in errors. A "
                    + "randomised design without a monitoringPlan, or with parts of one left out, is stored with the "
                    + "defaults filled in, so the design says exactly how it is monitored. A design has no natural key: "
                    + "a retry sent with the first attempt's Idempotency-Key gets its answer instead of a second trial.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TrialDesignRequest.class),
            examples = @ExampleObject(name = "rct", value = TrialExamples.DESIGN)))
    @APIResponse(responseCode = "201", description = "Created; Location names the trial",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "draft", value = TrialExamples.DRAFT)))
    @APIResponse(responseCode = "400", description = "The body cannot be read or lacks a required field; or an "
            + "Idempotency-Key that is not a key")
    @APIResponse(responseCode = "422", description = "The design breaks a rule; or the Idempotency-Key was used with a "
            + "different design",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotencyKey.HEADER) @Parameter(in = ParameterIn.HEADER,
                                   description = IdempotencyKey.DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                   maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN))
                           String idempotencyKey,
                           @NotNull @Valid TrialDesignRequest design) {
        return idempotent.answer(idempotencyKey, "createTrial", design, () -> {
            Trial trial = trials.create(design.toDesign(), caller.name());
            return Response.created(URI.create("/api/v1/trials/" + trial.id)).entity(mapper.toResponse(trial)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listTrials", summary = "List trials",
            description = "Trials newest first (ties by id, so pages are stable), optionally only those with a status, of a type "
                    + "or running in a jobcentre. The body is one page as a plain array; X-Total-Count gives the number of "
                    + "matching trials and Link the first, prev, next and last pages. " + CONCEALED_VIEW)
    @APIResponse(responseCode = "200", description = "One page of the matching trials",
            headers = {
                    @Header(name = TrialListing.TOTAL_COUNT, description = "Matching trials on all pages",
                            schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Link", description = "RFC 8288 links to the first, prev, next and last pages",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(schema = @Schema(implementation = TrialResponse.class, type = SchemaType.ARRAY),
                    examples = {@ExampleObject(name = "trials", value = "[" + TrialExamples.TRIAL + "]"),
                            @ExampleObject(name = "as-a-jobcentre-reads-them", value = "[" + TrialExamples.TRIAL_CONCEALED + "]")}))
    @APIResponse(responseCode = "400", description = "A page or size that is not a whole number")
    @APIResponse(responseCode = "422", description = "An unknown status, type or jobcentre, or a page or size out of range")
    public Response list(
            @Parameter(description = "Only trials in this status", schema = @Schema(implementation = TrialStatus.class),
                    example = "RECRUITING") @QueryParam("status") String status,
            @Parameter(description = "Only trials of this type", schema = @Schema(implementation = TrialType.class),
                    example = "RCT") @QueryParam("type") String type,
            @Parameter(description = "Only trials running in this jobcentre (municipality code)", example = "101")
            @QueryParam("jobcentre") String jobcentre,
            @Parameter(description = "Page number, from 0 to " + TrialListing.LAST_PAGE, schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "0", minimum = "0", maximum = "" + TrialListing.LAST_PAGE), example = "0")
            @QueryParam("page") String page,
            @Parameter(description = "Trials per page, 1 to " + TrialListing.MAX_SIZE,
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "" + TrialListing.DEFAULT_SIZE, minimum = "1",
                            maximum = "" + TrialListing.MAX_SIZE), example = "20") @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        TrialQuery query = TrialListing.query(status, type, jobcentre, page, size, municipalities);
        TrialPage result = trials.list(query);
        List<TrialResponse> body = result.trials().stream().map(mapper::toResponse).toList();
        return TrialListing.withPaging(Response.ok(body), result, query, uriInfo.getRequestUriBuilder()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getTrial", summary = "Get a trial",
            description = "The trial with its design and lifecycle state. " + CONCEALED_VIEW)
    @APIResponse(responseCode = "200", description = "The trial",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = {@ExampleObject(name = "trial", value = TrialExamples.TRIAL),
                            @ExampleObject(name = "as-a-jobcentre-reads-it", value = TrialExamples.TRIAL_CONCEALED)}))
    @APIResponse(responseCode = "404", description = "No such trial")
    public TrialResponse get(@PathParam("id") UUID id) {
        return mapper.toResponse(trials.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "editTrial", summary = "Edit a draft design",
            description = "Replaces the design of a DRAFT trial; 409 once the trial has opened. 400 and 422 as for creation.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TrialDesignRequest.class),
            examples = @ExampleObject(name = "rct", value = TrialExamples.DESIGN)))
    @APIResponse(responseCode = "200", description = "The edited trial",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "draft", value = TrialExamples.DRAFT)))
    @APIResponse(responseCode = "400", description = "The body cannot be read or lacks a required field")
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "The trial is no longer a draft")
    @APIResponse(responseCode = "422", description = "The design breaks a rule")
    public TrialResponse edit(@PathParam("id") UUID id, @NotNull @Valid TrialDesignRequest design) {
        return mapper.toResponse(trials.edit(id, design.toDesign(), caller.name()));
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "openTrial", summary = "Open for recruitment",
            description = "DRAFT → RECRUITING. Fills in the default monitoring plan where a draft stored before plans "
                    + "existed has none, checks the design once more, freezes it, records the SHA-256 of its canonical form "
                    + "and, with power assumptions, stores the sample size under the plan and plannedEvents; publishes "
                    + "TRIAL_OPENED with the full design and each comparison's frozen size (comparisonPlans). From here on "
                    + "only an amendment changes the design.")
    @APIResponse(responseCode = "200", description = "The trial, now recruiting",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "recruiting", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "422", description = "The design breaks a rule introduced since it was drafted")
    public TrialResponse open(@PathParam("id") UUID id) {
        return step(id, TrialLifecycle.OPEN);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "pauseTrial", summary = "Pause recruitment", description = "RECRUITING → PAUSED.")
    @APIResponse(responseCode = "200", description = "The trial, now paused",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "paused", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "Not recruiting")
    public TrialResponse pause(@PathParam("id") UUID id) {
        return step(id, TrialLifecycle.PAUSE);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "resumeTrial", summary = "Resume recruitment", description = "PAUSED → RECRUITING.")
    @APIResponse(responseCode = "200", description = "The trial, recruiting again",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "recruiting", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "Not paused")
    public TrialResponse resume(@PathParam("id") UUID id) {
        return step(id, TrialLifecycle.RESUME);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "closeTrial", summary = "Close recruitment",
            description = "RECRUITING or PAUSED → FOLLOW_UP: no more enrolment, outcomes still count.")
    @APIResponse(responseCode = "200", description = "The trial, now in follow-up",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "follow-up", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "Not recruiting or paused")
    public TrialResponse close(@PathParam("id") UUID id) {
        return step(id, TrialLifecycle.CLOSE);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "completeTrial", summary = "Complete the trial", description = "FOLLOW_UP → COMPLETED.")
    @APIResponse(responseCode = "200", description = "The trial, now completed",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "completed", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "Not in follow-up")
    public TrialResponse complete(@PathParam("id") UUID id) {
        return step(id, TrialLifecycle.COMPLETE);
    }

    private TrialResponse step(UUID id, TrialLifecycle step) {
        return mapper.toResponse(trials.transition(id, step, caller.name()));
    }
}
