package dk.trials.outcome.rest;

import dk.trials.outcome.service.TrialOverviews;
import dk.trials.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/trials")
@Tag(name = "Trials", description = "The trials outcome-service knows, with their recruitment (the dashboard's list)")
public class TrialResource {

    private final TrialOverviews overviews;

    public TrialResource(TrialOverviews overviews) {
        this.overviews = overviews;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.TRIAL_DESIGNER, Roles.ADMIN})
    @Operation(operationId = "listTrials", summary = "Every trial with its status, recruitment and flow",
            description = "The trials outcome-service has learned from trial-events, most recently started first: "
                    + "status, arms, participants trial-wide and by arm, by enrolling jobcentre (arm counts by "
                    + "jobcentre withheld while the trial can still enrol), the sample-ratio check of the participants "
                    + "per arm against the allocation weights (as enrolment-service's recruitment report computes it), "
                    + "and each arm's flow from allocation to analysis (allocated, withdrawn, job exits and censored "
                    + "within the horizon, analysed by intention to treat). Counts only, never a participant. Eligibility "
                    + "checks and their refusals are enrolment-service's and not in this list.")
    @APIResponse(responseCode = "200", description = "The trials", content = @Content(
            schema = @Schema(implementation = TrialListResponse.class),
            examples = @ExampleObject(name = "oneTrial", value = TrialExamples.LIST)))
    public TrialListResponse list() {
        return TrialListResponse.of(overviews.all());
    }
}
