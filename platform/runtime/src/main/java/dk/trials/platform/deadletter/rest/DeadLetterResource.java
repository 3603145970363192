package dk.trials.platform.deadletter.rest;

import dk.trials.platform.deadletter.DeadLetters;
import dk.trials.platform.deadletter.ReplayableChannel;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Caller;
import dk.trials.platform.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
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

import java.util.List;

/**
 * The admin endpoint over a service's dead letters, the same in every service that consumes topics. A service
 * switches it on with the build property {@code trials.dead-letters.enabled=true} (it needs the inbox's
 * {@code dead_letter_replay} table) and says which channels may be replayed by producing {@link ReplayableChannel}s.
 */
@Path("/api/v1/admin/dead-letters")
@IfBuildProperty(name = "trials.dead-letters.enabled", stringValue = "true")
@Tag(name = "Dead letters", description = "Records this service could not apply, and their replay after a fix")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    static final String LIST = """
            {"deadLetters": [
              {"topic": "trial-events", "partition": 2, "offset": 117, "reason": "Not an event envelope: Unexpected character",
               "failure": "dk.trials.events.MalformedEventException", "eventId": null, "eventType": "TRIAL_PAUSED",
               "deadLetteredAt": "2027-03-01T08:15:00.123Z"}
            ]}""";

    static final String REPLAY = """
            {"deadLetter": {"topic": "trial-events", "partition": 2, "offset": 117,
               "reason": "Event 0d6f2a4e-8c1b-4b7e-9f3a-2e5d7c9b1a30 has version 3, newer than this service reads",
               "failure": "dk.trials.events.MalformedEventException", "eventId": "0d6f2a4e-8c1b-4b7e-9f3a-2e5d7c9b1a30",
               "eventType": "TRIAL_AMENDED", "deadLetteredAt": "2027-03-01T08:15:00.123Z"},
             "result": "APPLIED", "reason": null, "replayedBy": "operator@agency.dk", "replayedAt": "2027-03-02T09:00:00Z"}""";

    private final DeadLetters deadLetters;
    private final Caller caller;

    public DeadLetterResource(DeadLetters deadLetters, Caller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List dead letters",
            description = "Every record of a consumed topic that was refused after one try (unreadable envelope, unknown "
                    + "version, a payload that breaks a rule), from the dead-letter topics <topic>.<consumer group>.dlq of "
                    + "every topic this service consumes. Envelope metadata only, never the payload. Transient failures "
                    + "are retried, never dead-lettered.")
    @APIResponse(responseCode = "200", description = "The dead letters, oldest first",
            content = @Content(schema = @Schema(implementation = DeadLetterList.class),
                    examples = @ExampleObject(name = "one", value = LIST)))
    public DeadLetterList list() {
        return new DeadLetterList(deadLetters.list().stream().map(DeadLetterView::from).toList());
    }

    @POST
    @Path("/{topic}/{partition}/{offset}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter",
            description = "Applies the dead-lettered record (named by its original topic, partition and offset) once "
                    + "more, in this service only, and audits who replayed it, when, and the result. A record already "
                    + "applied has no second effect (NO_EFFECT); one still refused is REJECTED and stays listed.")
    @APIResponse(responseCode = "200", description = "The replay's result",
            content = @Content(schema = @Schema(implementation = DeadLetterReplayView.class),
                    examples = @ExampleObject(name = "applied", value = REPLAY)))
    @APIResponse(responseCode = "400", description = "Partition or offset is not a whole number")
    @APIResponse(responseCode = "404", description = "No dead letter of that record, or a topic this service does not consume")
    @APIResponse(responseCode = "422", description = "Partition or offset is negative")
    public DeadLetterReplayView replay(@PathParam("topic") String topic, @PathParam("partition") String partition,
                                       @PathParam("offset") String offset) {
        long partitionNumber = wholeNumber("partition", partition);
        long offsetNumber = wholeNumber("offset", offset);
        if (partitionNumber > Integer.MAX_VALUE) {
            throw ProblemException.unprocessable("Invalid dead letter", "The partition is out of range",
                    List.of(new FieldError("partition", "must be at most " + Integer.MAX_VALUE)));
        }
        if (!deadLetters.consumes(topic)) {
            throw ProblemException.notFound("This service consumes no such topic");
        }
        return deadLetters.replay(topic, (int) partitionNumber, offsetNumber, caller.name())
                .map(DeadLetterReplayView::from)
                .orElseThrow(() -> ProblemException.notFound("No dead letter of that record"));
    }

    private static long wholeNumber(String name, String value) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("The " + name + " is not a whole number",
                    List.of(new FieldError(name, "must be a whole number such as 0")));
        }
        if (number < 0) {
            throw ProblemException.unprocessable("Invalid dead letter", "The " + name + " is negative",
                    List.of(new FieldError(name, "must be 0 or more")));
        }
        return number;
    }
}
