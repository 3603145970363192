package dk.trials.trial.rest;

import dk.trials.platform.idempotency.IdempotencyKey;
import dk.trials.platform.idempotency.IdempotentRequests;
import dk.trials.platform.problem.Problem;
import dk.trials.platform.security.Caller;
import dk.trials.platform.security.Roles;
import dk.trials.trial.Design;
import dk.trials.trial.TrialAmendment;
import dk.trials.trial.service.AmendmentService;
import dk.trials.trial.service.Municipalities;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/trials/{id}/amendments")
@Tag(name = "Amendments", description = "Numbered changes to an opened trial that keep it valid")
@Produces(MediaType.APPLICATION_JSON)
public class AmendmentResource {

    private final AmendmentService amendments;
    private final Municipalities municipalities;
    private final Caller caller;
    private final IdempotentRequests idempotent;
    private final AllocationConcealment concealment;

    public AmendmentResource(AmendmentService amendments, Municipalities municipalities, Caller caller,
                             IdempotentRequests idempotent, AllocationConcealment concealment) {
        this.amendments = amendments;
        this.municipalities = municipalities;
        this.caller = caller;
        this.idempotent = idempotent;
        this.concealment = concealment;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TRIAL_DESIGNER)
    @Operation(operationId = "amendTrial", summary = "Amend an opened trial",
            description = "Adds jobcentres, extends the enrolment period, raises planned participants or changes the "
                    + "monitoring plan (adds looks between the planned ones or before the first, changes the reporting lag "
                    + "or the look time) of a RECRUITING or PAUSED trial, with a reason. A trial opened before monitoring "
                    + "plans existed starts from its legacy classic plan. outcome-service ignores planned fractions at or "
                    + "below its last look, so a look added there has no effect; trial-service cannot know which looks "
                    + "have been taken. The amendment is numbered, kept, audited and published as TRIAL_AMENDED "
                    + "with the full amended design and its new hash. Arms, randomisation, the primary outcome, power, "
                    + "eligibility, type, title and target group never change after opening, nor the plan's spending family, "
                    + "its γ or futility, nor may a planned look be removed: each is refused with 422, one error per field. "
                    + "A retry sent with the first attempt's Idempotency-Key gets its answer instead of a second amendment.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AmendmentRequest.class),
            examples = {@ExampleObject(name = "widen", value = TrialExamples.AMENDMENT_REQUEST),
                    @ExampleObject(name = "add-a-look", value = TrialExamples.AMENDMENT_REQUEST_LOOK)}))
    @APIResponse(responseCode = "201", description = "Amended; Location names the amendment",
            content = @Content(schema = @Schema(implementation = AmendmentResponse.class),
                    examples = @ExampleObject(name = "amendment", value = TrialExamples.AMENDMENT)))
    @APIResponse(responseCode = "400", description = "The body cannot be read or lacks a required field; or an "
            + "Idempotency-Key that is not a key")
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "The trial is a draft (edit it with PUT), in follow-up or completed")
    @APIResponse(responseCode = "422", description = "The amendment touches a frozen part of the design, names an unknown or "
            + "present jobcentre, shortens the period, lowers planned participants, removes a planned look, changes the "
            + "spending or futility, or changes nothing; or the Idempotency-Key was used with a different amendment",
            content = @Content(schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "arms", value = TrialExamples.AMENDMENT_REFUSED)))
    public Response amend(@PathParam("id") UUID id,
                          @HeaderParam(IdempotencyKey.HEADER) @Parameter(in = ParameterIn.HEADER,
                                  description = IdempotencyKey.DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                  maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN))
                          String idempotencyKey,
                          @NotNull @Valid AmendmentRequest request) {
        return idempotent.answer(idempotencyKey, "amendTrial", List.of(id, request), () -> {
            TrialAmendment amendment = amendments.amend(id, request.toProposal(), caller.name());
            return Response.created(URI.create("/api/v1/trials/" + id + "/amendments/" + amendment.number))
                    .entity(toResponse(amendment)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listAmendments", summary = "List a trial's amendments", description = "All amendments, by "
            + "number. A jobcentre token reads them without the design hashes, which would give the block sizes away.")
    @APIResponse(responseCode = "200", description = "The amendments, oldest first",
            content = @Content(schema = @Schema(implementation = AmendmentResponse.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "amendments", value = "[" + TrialExamples.AMENDMENT + "]")))
    @APIResponse(responseCode = "404", description = "No such trial")
    public List<AmendmentResponse> list(@PathParam("id") UUID id) {
        return amendments.amendments(id).stream().map(this::toResponse).toList();
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getAmendment", summary = "Get one amendment", description = "The amendment with this "
            + "number. A jobcentre token reads it without the design hashes, which would give the block sizes away.")
    @APIResponse(responseCode = "200", description = "The amendment",
            content = @Content(schema = @Schema(implementation = AmendmentResponse.class),
                    examples = @ExampleObject(name = "amendment", value = TrialExamples.AMENDMENT)))
    @APIResponse(responseCode = "404", description = "No such trial or amendment")
    public AmendmentResponse get(@PathParam("id") UUID id, @PathParam("number") int number) {
        return toResponse(amendments.amendment(id, number));
    }

    private AmendmentResponse toResponse(TrialAmendment a) {
        Map<String, String> names = municipalities.names(a.addedJobcentres);
        TrialResponse.MonitoringPlan planBefore = null;
        TrialResponse.MonitoringPlan planAfter = null;
        if (a.monitoringPlan != null) {
            // A plan changed from none was the legacy plan of a trial opened before plans existed.
            planBefore = a.monitoringPlanBefore == null ? TrialResponse.MonitoringPlan.of(Design.MonitoringPlan.legacy(), true)
                    : TrialResponse.MonitoringPlan.of(a.monitoringPlanBefore, false);
            planAfter = TrialResponse.MonitoringPlan.of(a.monitoringPlan, false);
        }
        // The hashes digest the whole design, block sizes included: a jobcentre could find them by trying a few.
        boolean concealed = concealment.applies();
        return new AmendmentResponse(a.number, a.reason, a.addedJobcentres, names, a.enrolmentPeriodEndBefore,
                a.enrolmentPeriodEnd, a.plannedParticipantsBefore, a.plannedParticipants, planBefore, planAfter,
                concealed ? null : a.designHashBefore, concealed ? null : a.designHashAfter, a.amendedBy, a.amendedAt);
    }
}
