package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.UploadProgress;
import dk.trials.platform.problem.Problem;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Roles;
import dk.trials.platform.upload.UploadId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/trials/{trialId}/uploads")
@Tag(name = "Enrolments")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    private final UploadProgress progress;

    public UploadResource(UploadProgress progress) {
        this.progress = progress;
    }

    @GET
    @Path("/{uploadId}")
    // As the import: only admins import, so every caller who may start one may follow it.
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getUploadProgress", summary = "Follow an import named by its Upload-Id",
            description = "The lines written so far of an import sent with an Upload-Id header, from any replica: "
                    + "the counts are kept in the database at each 500 lines written and at the end, when, DONE, "
                    + "they equal the import's answer. While RUNNING they count work of the import's one "
                    + "transaction, kept only if it commits. Kept for 24 hours after it last changed.")
    @APIResponse(responseCode = "200", description = "The import's progress", content = @Content(
            schema = @Schema(implementation = UploadProgressResponse.class), examples = {
                    @ExampleObject(name = "running", value = UploadExamples.RUNNING),
                    @ExampleObject(name = "done", value = UploadExamples.DONE)}))
    @APIResponse(responseCode = "404", description = "No import into this trial by that id in the last 24 hours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public UploadProgressResponse get(@PathParam("trialId") UUID trialId,
                                      @PathParam("uploadId") @Parameter(in = ParameterIn.PATH,
                                              description = "The Upload-Id the import was sent with",
                                              example = UploadExamples.UPLOAD_ID) String uploadId) {
        return UploadId.inPath(uploadId).flatMap(progress::find)
                .filter(report -> report.trialId().equals(trialId))
                .map(UploadProgressResponse::from)
                .orElseThrow(() -> ProblemException.notFound("No import into this trial by that id is known"));
    }
}
