package dk.trials.enrolment.rest;

import dk.trials.platform.security.Roles;
import dk.trials.enrolment.service.RecruitmentReport;
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

@Path("/api/v1/trials/{trialId}/recruitment")
@Tag(name = "Recruitment", description = "Recruitment progress and the sample-ratio-mismatch check")
@Produces(MediaType.APPLICATION_JSON)
public class RecruitmentResource {

    static final String VIEW = """
            {
              "trialId": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "status": "FOLLOW_UP",
              "method": "PERMUTED_BLOCK",
              "participants": 1843, "withdrawn": 12, "imported": 0,
              "armCountsConcealed": false,
              "byArm": {"treatment": 922, "control": 921},
              "sampleRatioMismatch": {"chiSquare": 0.0005, "degreesOfFreedom": 1, "pValue": 0.98, "threshold": 0.001, "testable": true, "flagged": false},
              "byJobcentre": [{"key": "101", "participants": 640, "byArm": {"treatment": 321, "control": 319}}],
              "byStratum": [{"key": "jobcentre=101|ageBand=18-24", "participants": 402, "byArm": {"treatment": 201, "control": 201},
                             "sampleRatioMismatch": {"chiSquare": 0.0, "degreesOfFreedom": 1, "pValue": 1.0, "threshold": 0.001, "testable": true, "flagged": false}}]
            }""";

    private final RecruitmentReport report;

    public RecruitmentResource(RecruitmentReport report) {
        this.report = report;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.TRIAL_DESIGNER, Roles.ADMIN})
    @Operation(operationId = "getRecruitment", summary = "Recruitment and sample-ratio check",
            description = "Participants by arm, by jobcentre and by stratum, with a chi-square sample-ratio-mismatch check "
                    + "against the allocation weights per trial and per stratum (flagged at p < 0.001). While the trial "
                    + "can enrol, arm counts that could reveal upcoming allocations are withheld (armCountsConcealed).")
    @APIResponse(responseCode = "200", description = "The recruitment so far",
            content = @Content(schema = @Schema(implementation = RecruitmentView.class),
                    examples = @ExampleObject(name = "recruitment", value = VIEW)))
    @APIResponse(responseCode = "404", description = "No such trial is known")
    public RecruitmentView recruitment(@PathParam("trialId") UUID trialId) {
        return RecruitmentView.from(report.of(trialId));
    }
}
