package dk.trials.outcome.rest;

import dk.trials.outcome.service.UploadProgress;
import dk.trials.platform.problem.Problem;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Caller;
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
@Tag(name = "Outcomes")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    private final UploadProgress progress;
    private final Caller caller;

    public UploadResource(UploadProgress progress, Caller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    @GET
    @Path("/{uploadId}")
    @RolesAllowed({Roles.JOBCENTRE, Roles.ADMIN})
    @Operation(operationId = "getUploadProgress", summary = "Follow a bulk upload named by its Upload-Id",
            description = "The lines read and counted so far of a bulk outcome file sent with an Upload-Id header, "
                    + "from any replica: the counts are kept in the database at each batch of 5000 lines and at the "
                    + "end, when, DONE, they equal the upload's answer. Only the caller who sent the upload, or an "
                    + "admin, may read it; to anyone else it is unknown (404). Kept for 24 hours after it last changed.")
    @APIResponse(responseCode = "200", description = "The upload's progress", content = @Content(
            schema = @Schema(implementation = UploadProgressResponse.class), examples = {
                    @ExampleObject(name = "running", value = UploadExamples.RUNNING),
                    @ExampleObject(name = "done", value = UploadExamples.DONE)}))
    @APIResponse(responseCode = "404", description = "No upload of this trial by that id that this caller sent "
            + "(or, for an admin, that anyone sent) in the last 24 hours",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public UploadProgressResponse get(@PathParam("trialId") UUID trialId,
                                      @PathParam("uploadId") @Parameter(in = ParameterIn.PATH,
                                              description = "The Upload-Id the upload was sent with",
                                              example = UploadExamples.UPLOAD_ID) String uploadId) {
        // Another caller's upload is answered as unknown, so that ids tell nothing about others' uploads.
        return UploadId.inPath(uploadId).flatMap(progress::find)
                .filter(report -> report.trialId().equals(trialId))
                .filter(report -> caller.hasRole(Roles.ADMIN) || report.startedBy().equals(caller.name()))
                .map(UploadProgressResponse::from)
                .orElseThrow(() -> ProblemException.notFound("No upload of this trial by that id is known to this caller"));
    }
}
