package dk.trials.trial.rest;

import dk.trials.platform.security.Roles;
import dk.trials.trial.TrialAuditEntry;
import dk.trials.trial.service.AuditTrail;
import dk.trials.trial.service.TrialService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/trials/{id}/audit")
@Tag(name = "Trials")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final TrialService trials;
    private final AuditTrail audit;

    public AuditResource(TrialService trials, AuditTrail audit) {
        this.trials = trials;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getTrialAudit", summary = "A trial's audit trail",
            description = "Every change to the trial, oldest first: creation, edits, lifecycle steps and amendments, each "
                    + "with who made it, when, the status, the SHA-256 of the design before and after and the design's warnings "
                    + "as the change left it.")
    @APIResponse(responseCode = "200", description = "The audit trail",
            content = @Content(schema = @Schema(implementation = AuditEntryResponse.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "trail", value = TrialExamples.AUDIT)))
    @APIResponse(responseCode = "404", description = "No such trial")
    public List<AuditEntryResponse> trail(@PathParam("id") UUID id) {
        trials.get(id);
        return audit.of(id).stream().map(AuditResource::toResponse).toList();
    }

    private static AuditEntryResponse toResponse(TrialAuditEntry e) {
        return new AuditEntryResponse(e.action, e.actor, e.at, e.statusBefore, e.statusAfter, e.designHashBefore,
                e.designHashAfter, e.detail, e.warnings == null ? null : TrialResponse.Warning.of(e.warnings));
    }
}
