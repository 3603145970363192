package dk.trials.trial.rest;

import dk.trials.contracts.events.trial.TrialDesign;
import dk.trials.contracts.problem.Problem;
import dk.trials.contracts.security.Caller;
import dk.trials.contracts.security.Roles;
import dk.trials.trial.Trial;
import dk.trials.trial.mapping.TrialMapper;
import dk.trials.trial.service.TrialLifecycle;
import dk.trials.trial.service.TrialService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    private final TrialService trials;
    private final TrialMapper mapper;
    private final Caller caller;

    public TrialResource(TrialService trials, TrialMapper mapper, Caller caller) {
        this.trials = trials;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "createTrial", summary = "Create a trial design",
            description = "Creates a design in status DRAFT. Structural errors answer 400, broken design rules 422, each as one entry in errors.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TrialDesign.class),
            examples = @ExampleObject(name = "rct", value = TrialExamples.DESIGN)))
    @APIResponse(responseCode = "201", description = "Created; Location names the trial",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "draft", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "422", description = "The design breaks a rule",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid TrialDesign design) {
        Trial trial = trials.create(design, caller.name());
        return Response.created(URI.create("/api/v1/trials/" + trial.id)).entity(mapper.toResponse(trial)).build();
    }

    @GET
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listTrials", summary = "List trials", description = "All trials, newest first.")
    @APIResponse(responseCode = "200", description = "The trials",
            content = @Content(schema = @Schema(implementation = TrialResponse.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "trials", value = "[" + TrialExamples.TRIAL + "]")))
    public List<TrialResponse> list() {
        return trials.list().stream().map(mapper::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getTrial", summary = "Get a trial", description = "The trial with its full design and lifecycle state.")
    @APIResponse(responseCode = "200", description = "The trial",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "trial", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "404", description = "No such trial")
    public TrialResponse get(@PathParam("id") UUID id) {
        return mapper.toResponse(trials.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "editTrial", summary = "Edit a draft design",
            description = "Replaces the design of a DRAFT trial; 409 once the trial has opened.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TrialDesign.class),
            examples = @ExampleObject(name = "rct", value = TrialExamples.DESIGN)))
    @APIResponse(responseCode = "200", description = "The edited trial",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "draft", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "The trial is no longer a draft")
    @APIResponse(responseCode = "422", description = "The design breaks a rule")
    public TrialResponse edit(@PathParam("id") UUID id, @NotNull @Valid TrialDesign design) {
        return mapper.toResponse(trials.edit(id, design, caller.name()));
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "openTrial", summary = "Open for recruitment",
            description = "DRAFT → RECRUITING. Freezes the design, records its SHA-256 and publishes the trial.")
    @APIResponse(responseCode = "200", description = "The trial, now recruiting",
            content = @Content(schema = @Schema(implementation = TrialResponse.class),
                    examples = @ExampleObject(name = "recruiting", value = TrialExamples.TRIAL)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "Not a draft")
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
