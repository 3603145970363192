package dk.trials.trial.rest;

import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Roles;
import dk.trials.trial.service.Municipalities;
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

@Path("/api/v1/jobcentres")
@Tag(name = "Jobcentres", description = "The 98 Danish municipalities, whose jobcentres trials run in")
@Produces(MediaType.APPLICATION_JSON)
public class JobcentreResource {

    private final Municipalities municipalities;

    public JobcentreResource(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GET
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listJobcentres", summary = "List the jobcentres",
            description = "The 98 Danish municipalities by kommunekode, each with its name and region: the codes a design's "
                    + "jobcentres must come from.")
    @APIResponse(responseCode = "200", description = "All 98, by code",
            content = @Content(schema = @Schema(implementation = JobcentreResponse.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "jobcentres", value = TrialExamples.JOBCENTRES)))
    public List<JobcentreResponse> list() {
        return municipalities.all().stream().map(JobcentreResponse::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getJobcentre", summary = "Get a jobcentre", description = "The municipality with this code.")
    @APIResponse(responseCode = "200", description = "The municipality",
            content = @Content(schema = @Schema(implementation = JobcentreResponse.class),
                    examples = @ExampleObject(name = "copenhagen", value = TrialExamples.JOBCENTRE)))
    @APIResponse(responseCode = "404", description = "No municipality has this code")
    public JobcentreResponse get(@PathParam("code") String code) {
        return municipalities.find(code).map(JobcentreResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No municipality has this code"));
    }
}
