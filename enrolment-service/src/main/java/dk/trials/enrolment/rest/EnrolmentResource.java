package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.Enrolled;
import dk.trials.enrolment.service.EnrolmentService;
import dk.trials.enrolment.service.ImportService;
import dk.trials.enrolment.service.TransferService;
import dk.trials.enrolment.service.WithdrawalService;
import dk.trials.platform.http.MaxBodySize;
import dk.trials.platform.idempotency.IdempotencyKey;
import dk.trials.platform.idempotency.IdempotentRequests;
import dk.trials.platform.problem.Problem;
import dk.trials.platform.security.Caller;
import dk.trials.platform.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.enrolment.UploadState;
import dk.trials.enrolment.service.ImportCounts;
import dk.trials.enrolment.service.UploadProgress;
import dk.trials.platform.upload.UploadId;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.UUID;

@Path("/api/v1/trials/{trialId}/enrolments")
@Tag(name = "Enrolments", description = "Eligibility, concealed randomisation and withdrawal of trial participants")
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

    private final EnrolmentService enrolments;
    private final WithdrawalService withdrawals;
    private final ImportService imports;
    private final TransferService transfers;
    private final Caller caller;
    private final IdempotentRequests idempotent;
    private final UploadProgress uploads;
    private final ObjectMapper json;

    public EnrolmentResource(EnrolmentService enrolments, WithdrawalService withdrawals, ImportService imports,
                             TransferService transfers, Caller caller, IdempotentRequests idempotent,
                             UploadProgress uploads, ObjectMapper json) {
        this.uploads = uploads;
        this.json = json;
        this.enrolments = enrolments;
        this.withdrawals = withdrawals;
        this.imports = imports;
        this.transfers = transfers;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.JOBCENTRE, Roles.ADMIN})
    @Operation(operationId = "enrol", summary = "Enrol and randomise a citizen",
            description = "Checks eligibility and allocates the citizen to an arm by the trial's randomisation method. "
                    + "The same citizen again gets 200 with the very same body, also when two requests race; the CPR "
                    + "number is never stored, returned or published. Another jobcentre asking for an enrolled citizen "
                    + "gets the trial's state and the eligibility checked first, as for a citizen not enrolled, and "
                    + "only then 409 enrolled-elsewhere.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EnrolmentRequest.class),
            examples = @ExampleObject(name = "enrolment", value = EnrolmentExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Enrolled and allocated; Location names the enrolment",
            content = @Content(schema = @Schema(implementation = EnrolmentResponse.class),
                    examples = @ExampleObject(name = "allocated", value = EnrolmentExamples.ENROLMENT)))
    @APIResponse(responseCode = "200", description = "Already enrolled, and asked by the jobcentre responsible for the "
            + "citizen (the enrolling one, or the one it was transferred to) or an admin: the existing allocation, "
            + "unchanged, whatever the trial's state now",
            content = @Content(schema = @Schema(implementation = EnrolmentResponse.class),
                    examples = @ExampleObject(name = "existing", value = EnrolmentExamples.ENROLMENT)))
    @APIResponse(responseCode = "403", description = "The token acts for another jobcentre, or the jobcentre is not in the trial",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such trial is known")
    @APIResponse(responseCode = "409", description = "The trial is not recruiting; or, for a request that is eligible "
            + "in a recruiting trial, the citizen is enrolled by another jobcentre (type "
            + "urn:trials:problem:enrolled-elsewhere), with no detail of that enrolment")
    @APIResponse(responseCode = "422", description = "Not eligible (every failed criterion is one entry in errors; the "
            + "citizen is counted, by pseudonym and once per trial, among the trial's exclusions for its CONSORT flow), an "
            + "invalid CPR number, or a field that breaks a rule (a jobcentre that is not a municipality code, a "
            + "benefit type outside the closed set, a week count out of range); no value sent is ever echoed")
    public Response enrol(@PathParam("trialId") UUID trialId, @NotNull @Valid EnrolmentRequest request) {
        Enrolled enrolled = enrolments.enrol(trialId, request.toCommand(), caller);
        EnrolmentResponse body = EnrolmentResponse.from(enrolled.enrolment());
        if (!enrolled.created()) {
            return Response.ok(body).build();
        }
        return Response.created(URI.create("/api/v1/trials/" + trialId + "/enrolments/" + body.enrolmentId()))
                .entity(body).build();
    }

    @GET
    @Path("/{enrolmentId}")
    @RolesAllowed({Roles.JOBCENTRE, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getEnrolment", summary = "Get an enrolment",
            description = "The allocation and, once withdrawn, the withdrawal. A jobcentre sees only the participants it "
                    + "is responsible for: those it enrolled or was transferred. Every read is audited (who, what, when).")
    @APIResponse(responseCode = "200", description = "The enrolment",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class),
                    examples = @ExampleObject(name = "enrolment", value = EnrolmentExamples.VIEW)))
    @APIResponse(responseCode = "403", description = "A jobcentre token asks for another jobcentre's enrolment")
    @APIResponse(responseCode = "404", description = "No such enrolment in this trial")
    public EnrolmentView get(@PathParam("trialId") UUID trialId, @PathParam("enrolmentId") UUID enrolmentId) {
        return EnrolmentView.from(enrolments.read(trialId, enrolmentId, caller));
    }

    @POST
    @Path("/{enrolmentId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.JOBCENTRE, Roles.ADMIN})
    @Operation(operationId = "withdrawParticipant", summary = "Record a withdrawal",
            description = "Records that the participant withdrew on the given date and publishes it. The allocation is "
                    + "never changed or deleted: the participant stays in the intention-to-treat analysis.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WithdrawalRequest.class),
            examples = @ExampleObject(name = "withdrawal", value = EnrolmentExamples.WITHDRAWAL)))
    @APIResponse(responseCode = "200", description = "The enrolment with its withdrawal",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class),
                    examples = @ExampleObject(name = "withdrawn", value = EnrolmentExamples.VIEW)))
    @APIResponse(responseCode = "403", description = "A jobcentre token for another jobcentre's participant")
    @APIResponse(responseCode = "404", description = "No such enrolment in this trial")
    @APIResponse(responseCode = "400", description = "The request cannot be read: malformed JSON, a wrong type, "
            + "an unparsable value or a required field missing; or an Idempotency-Key that is not a key")
    @APIResponse(responseCode = "409", description = "The participant already withdrew (a retry with the request's "
            + "Idempotency-Key gets the first answer instead)")
    @APIResponse(responseCode = "422", description = "The date is before the enrolment or in the future, or the reason "
            + "is blank, too long or holds a CPR number; or the Idempotency-Key was used with a different request")
    public Response withdraw(@PathParam("trialId") UUID trialId, @PathParam("enrolmentId") UUID enrolmentId,
                             @HeaderParam(IdempotencyKey.HEADER) @Parameter(in = ParameterIn.HEADER,
                                     description = IdempotencyKey.DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                     maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN))
                             String idempotencyKey,
                             @NotNull @Valid WithdrawalRequest request) {
        return idempotent.answer(idempotencyKey, "withdrawParticipant", List.of(trialId, enrolmentId, request),
                () -> Response.ok(EnrolmentView.from(
                        withdrawals.withdraw(trialId, enrolmentId, request.toCommand(), caller))).build());
    }

    @POST
    @Path("/{enrolmentId}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "transferParticipant", summary = "Transfer a participant to another jobcentre",
            description = "For a citizen who moved municipality: from now on the given jobcentre of the trial acts for "
                    + "the participant (gets the enrolment back on a repeated request, reads it, records its withdrawal; "
                    + "outcome-service learns it from enrolment-events). The allocation, its stratum and the enrolling "
                    + "jobcentre never change. Audited: who, when and why.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TransferRequest.class),
            examples = @ExampleObject(name = "transfer", value = EnrolmentExamples.TRANSFER)))
    @APIResponse(responseCode = "200", description = "The enrolment with the jobcentre now responsible for it",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class),
                    examples = @ExampleObject(name = "transferred", value = EnrolmentExamples.TRANSFERRED)))
    @APIResponse(responseCode = "400", description = "The request cannot be read: malformed JSON, a wrong type or a "
            + "required field missing; or an Idempotency-Key that is not a key")
    @APIResponse(responseCode = "404", description = "No such trial is known, or no such enrolment in this trial")
    @APIResponse(responseCode = "409", description = "The participant is already with that jobcentre, or another "
            + "transfer of it was recorded at the same time (a retry with the request's Idempotency-Key gets the "
            + "first answer instead)")
    @APIResponse(responseCode = "422", description = "The jobcentre is not a municipality code or not in the trial, or "
            + "the reason is blank, too long or holds a CPR number; or the Idempotency-Key was used with a different "
            + "request")
    public Response transfer(@PathParam("trialId") UUID trialId, @PathParam("enrolmentId") UUID enrolmentId,
                             @HeaderParam(IdempotencyKey.HEADER) @Parameter(in = ParameterIn.HEADER,
                                     description = IdempotencyKey.DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                     maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN))
                             String idempotencyKey,
                             @NotNull @Valid TransferRequest request) {
        return idempotent.answer(idempotencyKey, "transferParticipant", List.of(trialId, enrolmentId, request),
                () -> Response.ok(EnrolmentView.from(
                        transfers.transfer(trialId, enrolmentId, request.toCommand(), caller))).build());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @MaxBodySize(ImportRequest.MAX_BYTES)
    @Operation(operationId = "importEnrolments", summary = "Import allocations made elsewhere",
            description = "Takes over allocations made before the trial moved to this system. Every line is checked "
                    + "first and one bad line rejects the whole batch (422, errors name the line, e.g. enrolments[3].arm); "
                    + "citizens already enrolled are skipped, so a batch may be sent again. At most 50,000 lines and "
                    + "16 MiB a batch. An enrolledOn may not be before the citizen's birth, before the trial's "
                    + "enrolment period or in the future. Audited. With an Upload-Id header, "
                    + "GET /api/v1/trials/{trialId}/uploads/{uploadId} reports the lines written so far while the "
                    + "import runs (updated at each 500 lines; they count only once it is DONE, as the import is all "
                    + "or nothing) and the final counts after; the answer to this request is the same with or "
                    + "without it.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ImportRequest.class),
            examples = @ExampleObject(name = "import", value = EnrolmentExamples.IMPORT)))
    @APIResponse(responseCode = "200", description = "How many were imported and how many were already enrolled",
            content = @Content(schema = @Schema(implementation = ImportResult.class),
                    examples = @ExampleObject(name = "imported", value = EnrolmentExamples.IMPORTED)))
    @APIResponse(responseCode = "404", description = "No such trial is known")
    @APIResponse(responseCode = "400", description = "The request cannot be read: malformed JSON, a wrong type, "
            + "an unparsable value or a required field missing; or an Idempotency-Key that is not a key, or an "
            + "Upload-Id that is not an upload id")
    @APIResponse(responseCode = "409", description = "The trial is still a draft, or completed; or the Upload-Id names "
            + "an import that is running, or one by another caller or into another trial")
    @APIResponse(responseCode = "413", description = "The batch is larger than 16 MiB")
    @APIResponse(responseCode = "422", description = "At least one line is invalid; nothing was imported. Or the "
            + "Idempotency-Key was used with a different batch")
    public Response importEnrolments(@PathParam("trialId") UUID trialId,
                                     @HeaderParam(IdempotencyKey.HEADER) @Parameter(in = ParameterIn.HEADER,
                                             description = IdempotencyKey.DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                             maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN))
                                     String idempotencyKey,
                                     @HeaderParam(UploadId.HEADER) @Parameter(in = ParameterIn.HEADER,
                                             description = UploadId.DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                             maxLength = UploadId.MAX_LENGTH, pattern = UploadId.PATTERN))
                                     String uploadId,
                                     @NotNull @Valid ImportRequest request) {
        UploadProgress.Tracker progress = uploads.begin(UploadId.fromHeader(uploadId), trialId, caller.name(),
                request.enrolments().size());
        Response answer;
        try {
            // Up to 50,000 lines in one transaction (all or nothing) may take longer than the default minute on a
            // loaded database, and a timeout would only make the client send the batch again. Begun here, not
            // around the method, so that the progress says DONE only after the import committed.
            answer = QuarkusTransaction.requiringNew().timeout(600).call(() -> idempotent.answer(idempotencyKey,
                    "importEnrolments", List.of(trialId, request), () -> Response.ok(ImportResult.from(
                            imports.importAll(trialId, request.toCommand(), caller, progress))).build()));
        } catch (RuntimeException e) {
            progress.finished(UploadState.FAILED, new ImportCounts(request.enrolments().size(), 0, 0, 0));
            throw e;
        }
        // From the answer itself, also when it is the kept answer to a retry of the same Idempotency-Key.
        ImportResult result = json.convertValue(answer.getEntity(), ImportResult.class);
        int lines = request.enrolments().size();
        progress.finished(UploadState.DONE, new ImportCounts(lines, lines, result.imported(), result.alreadyEnrolled()));
        return answer;
    }
}
