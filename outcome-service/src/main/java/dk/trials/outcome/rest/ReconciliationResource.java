package dk.trials.outcome.rest;

import dk.trials.outcome.service.Reconciliations;
import dk.trials.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/trials/{trialId}/reconciliation")
@Tag(name = "Reconciliation", description = "Whether outcome-service holds exactly the participants enrolment-service allocated")
public class ReconciliationResource {

    private final Reconciliations reconciliations;

    public ReconciliationResource(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getReconciliation", summary = "The trial's latest allocation reconciliation",
            description = "enrolment-service periodically publishes an allocation checkpoint of each trial with new "
                    + "allocations: its allocations per arm and withdrawals among the enrolments numbered 1 to "
                    + "upToSequence. outcome-service counts its own participants up to the same number when it "
                    + "consumes the checkpoint and keeps the latest result: consistent, or the missing enrolments "
                    + "(by number) and extra participants (by enrolment id) that make the difference. Never a CPR "
                    + "number. 404 until a checkpoint of the trial has been checked. The gauge "
                    + "trials_reconciliation_inconsistent_trials counts trials whose latest check is inconsistent.")
    @APIResponse(responseCode = "200", description = "The latest reconciliation", content = @Content(
            schema = @Schema(implementation = ReconciliationResponse.class),
            examples = {@ExampleObject(name = "consistent", value = ReconciliationExamples.CONSISTENT),
                    @ExampleObject(name = "inconsistent", value = ReconciliationExamples.INCONSISTENT)}))
    @APIResponse(responseCode = "404", description = "No checkpoint of this trial has been checked yet")
    public ReconciliationResponse latest(@PathParam("trialId") UUID trialId) {
        return ReconciliationResponse.of(reconciliations.latest(trialId));
    }
}
