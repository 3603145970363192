package dk.trials.enrolment.rest;

import dk.trials.platform.security.Caller;
import dk.trials.platform.security.Roles;
import dk.trials.enrolment.service.AllocationLogService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/api/v1/trials/{trialId}/allocation-log")
@Tag(name = "Allocation log", description = "The sealed decision log of a trial's randomisation and its replay check")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationLogResource {

    static final String LOG = """
            {
              "trialId": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10",
              "method": "PERMUTED_BLOCK",
              "allocations": 1,
              "entries": [
                {"enrolmentId": "0d6f2a4e-8c1b-4b7e-9f3a-2e5d7c9b1a30", "sequence": "jobcentre=101|ageBand=25-29", "position": 1,
                 "method": "PERMUTED_BLOCK", "stratum": "jobcentre=101|ageBand=25-29", "levels": ["jobcentre=101", "ageBand=25-29"],
                 "stateBefore": {"block": [], "position": 0, "blockNumber": 0},
                 "draws": [{"bound": 2, "value": 1}, {"bound": 6, "value": 2}, {"bound": 5, "value": 4}, {"bound": 4, "value": 0},
                           {"bound": 3, "value": 2}, {"bound": 2, "value": 1}],
                 "arm": "treatment", "decidedAt": "2027-03-01T08:15:00.123Z"}
              ]
            }""";

    static final String REPORT = """
            {"trialId": "5b0f7c1e-3d4a-4f51-9a57-0c4a8e7d2b10", "checked": 1843, "reproduced": 1843, "mismatches": []}""";

    private final AllocationLogService log;
    private final Caller caller;

    public AllocationLogResource(AllocationLogService log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "exportAllocationLog", summary = "Export the allocation log",
            description = "Every allocation with its inputs (sequence, position, state before, random draws) in replay "
                    + "order. Sealed while the trial can enrol: 409 unless the trial is in FOLLOW_UP or COMPLETED. "
                    + "Every export is audited (who, when, how many participants).")
    @APIResponse(responseCode = "200", description = "The full log",
            content = @Content(schema = @Schema(implementation = AllocationLog.class),
                    examples = @ExampleObject(name = "log", value = LOG)))
    @APIResponse(responseCode = "404", description = "No such trial is known")
    @APIResponse(responseCode = "409", description = "Recruitment has not ended; the log is sealed")
    public AllocationLog export(@PathParam("trialId") UUID trialId) {
        return AllocationLog.from(log.export(trialId, caller));
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replayAllocationLog", summary = "Replay the allocation log",
            description = "Re-runs every allocation from its recorded state and draws and compares the arm; reports the "
                    + "allocations that are not reproduced (without naming arms, so it may run while the trial recruits).")
    @APIResponse(responseCode = "200", description = "The replay's result",
            content = @Content(schema = @Schema(implementation = ReplayReportView.class),
                    examples = @ExampleObject(name = "reproduced", value = REPORT)))
    @APIResponse(responseCode = "404", description = "No such trial is known")
    public ReplayReportView replay(@PathParam("trialId") UUID trialId) {
        return ReplayReportView.from(log.replay(trialId));
    }
}
