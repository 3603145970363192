package dk.trials.outcome.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dk.trials.outcome.OutcomeStatus;
import dk.trials.outcome.UploadState;
import dk.trials.outcome.service.IncomingOutcome;
import dk.trials.outcome.service.IngestionResult;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.outcome.service.OutcomeStore;
import dk.trials.outcome.service.ParticipantDataReads;
import dk.trials.outcome.service.TrialPlans;
import dk.trials.outcome.service.UploadProgress;
import dk.trials.outcome.service.UploadsInFlight;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.Problem;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Caller;
import dk.trials.platform.security.Roles;
import dk.trials.platform.upload.UploadId;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/trials/{trialId}/outcomes")
@Tag(name = "Outcomes", description = "Exits to jobs and censoring events of trial participants")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    static final String NDJSON = "application/x-ndjson";
    /** The longest line of a bulk file, in bytes; a longer one is rejected by its number. */
    static final int MAX_LINE_BYTES = 16 * 1024;
    /** The operation named in the audit of reads. */
    static final String UNMATCHED_READ = "listUnmatchedOutcomes";
    private static final int BATCH = 5000;
    private static final int LISTED_REJECTIONS = 1000;

    private final OutcomeIngestion ingestion;
    private final OutcomeRequestReader reader;
    private final TrialPlans plans;
    private final OutcomeStore outcomes;
    private final ParticipantDataReads reads;
    private final Caller caller;
    private final BulkWriters writers;
    private final ObjectReader lines;
    private final UploadsInFlight uploads;
    private final UploadProgress progress;
    private final Clock clock;

    public OutcomeResource(OutcomeIngestion ingestion, OutcomeRequestReader reader, TrialPlans plans,
                           OutcomeStore outcomes, ParticipantDataReads reads, Caller caller, BulkWriters writers,
                           UploadsInFlight uploads, UploadProgress progress, ObjectMapper json, Clock clock) {
        this.uploads = uploads;
        this.progress = progress;
        this.ingestion = ingestion;
        this.writers = writers;
        this.reader = reader;
        this.plans = plans;
        this.outcomes = outcomes;
        this.reads = reads;
        this.caller = caller;
        this.lines = json.readerFor(OutcomeRequest.class);
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.JOBCENTRE, Roles.ADMIN})
    @Operation(operationId = "reportOutcome", summary = "Report an outcome",
            description = "An exit to a job or a censoring event of a participant named by cpr or enrolmentId. Counted at "
                    + "once (201) when the participant is known; kept until the enrolment arrives (202) when not; the "
                    + "same source + sourceId again changes nothing (200). A jobcentre knows only its own participants: "
                    + "its outcome for anyone else (not enrolled, or another jobcentre's participant) is answered 202 "
                    + "alike and waits; it counts only if the participant becomes its own (a transfer), and is deleted "
                    + "after trials.outcomes.pending.expire-after (30 days by default). A jobcentre keeps at most "
                    + "trials.outcomes.pending.per-jobcentre (10,000) such outcomes waiting: one more is refused with "
                    + "429 and nothing kept (a limit on what the caller holds, not a flaw of the request: the same "
                    + "request succeeds once some of them are counted or expire). An admin's outcomes wait without "
                    + "limit. A request that cannot be read (a field missing, an enrolmentId that is not a UUID, a date "
                    + "that does not parse) is refused with 400; a readable one that breaks a rule (cpr and enrolmentId "
                    + "both given, a CPR number that is not valid, a type outside the closed set, a date outside "
                    + "1900-01-01..2100-12-31, a source or sourceId that is blank, over 200 characters or holds a "
                    + "control character or a CPR-like number, an outcome before the participant's enrolment or in the "
                    + "future) with 422 naming the field; no problem repeats the value refused.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OutcomeRequest.class),
            examples = @ExampleObject(name = "jobExit", value = OutcomeExamples.OUTCOME)))
    @APIResponse(responseCode = "201", description = "Counted", content = @Content(
            schema = @Schema(implementation = OutcomeReceipt.class), examples = @ExampleObject(name = "accepted", value = OutcomeExamples.RECEIPT)))
    @APIResponse(responseCode = "202", description = "Kept until the participant's enrolment arrives; for a jobcentre, "
            + "also the answer for another jobcentre's participant", content = @Content(
            schema = @Schema(implementation = OutcomeReceipt.class), examples = @ExampleObject(name = "pending", value = OutcomeExamples.PENDING)))
    @APIResponse(responseCode = "200", description = "Reported before; nothing changed", content = @Content(
            schema = @Schema(implementation = OutcomeReceipt.class), examples = @ExampleObject(name = "duplicate", value = OutcomeExamples.DUPLICATE)))
    @APIResponse(responseCode = "400", description = "Unreadable: a field missing, an enrolmentId that is not a UUID, or a date that does not parse",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "422", description = "Breaks a rule: cpr and enrolmentId both given, a CPR number that "
            + "is not valid, a type outside the closed set, a date outside 1900-01-01..2100-12-31, a source or sourceId "
            + "that is blank, over 200 characters or holds a control character or a CPR-like number, before the "
            + "participant's enrolment, or in the future")
    @APIResponse(responseCode = "429", description = "The jobcentre already keeps trials.outcomes.pending.per-jobcentre "
            + "outcomes waiting for their participant; nothing was kept",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("trialId") UUID trialId, OutcomeRequest request) {
        plans.get(trialId);
        OutcomeRequestReader.Read read = reader.read(trialId, request, reportingJobcentre());
        if (!read.ok()) {
            throw read.unreadable() ? ProblemException.badRequest("The outcome cannot be read", read.errors())
                    : ProblemException.unprocessable("The outcome breaks a rule", describe(read.errors()), read.errors());
        }
        IncomingOutcome outcome = read.outcome();
        IngestionResult result = ingestion.ingest(trialId, List.of(outcome), false).get(0);
        OutcomeReceipt.Status status = switch (result.disposition()) {
            case ACCEPTED -> OutcomeReceipt.Status.ACCEPTED;
            case PENDING_ENROLMENT -> OutcomeReceipt.Status.PENDING_ENROLMENT;
            case DUPLICATE -> OutcomeReceipt.Status.DUPLICATE;
            case REJECTED -> throw ProblemException.unprocessable("The outcome cannot count", result.reason(),
                    List.of(new FieldError("occurredOn", result.reason())));
            case TOO_MANY_PENDING -> throw new ProblemException(429, "too-many-pending",
                    "Too many outcomes waiting for their participant", result.reason(), null);
        };
        int code = switch (status) {
            case ACCEPTED -> 201;
            case PENDING_ENROLMENT -> 202;
            case DUPLICATE -> 200;
        };
        return Response.status(code).entity(new OutcomeReceipt(status, trialId, result.enrolmentId(), outcome.source(),
                outcome.sourceId())).build();
    }

    @POST
    @Path("/bulk")
    @Consumes(NDJSON)
    @RolesAllowed({Roles.JOBCENTRE, Roles.ADMIN})
    @Operation(operationId = "reportOutcomesInBulk", summary = "Report outcomes in bulk (NDJSON)",
            description = "One outcome object a line, as for a single report. The file is streamed and taken in batches "
                    + "of 5000 lines, each in its own transaction; every line is answered by its count. Posting the same "
                    + "file again changes nothing (each line is then a duplicate). While a file is loading, the "
                    + "trial's formal looks wait for it, so no look sees part of a file. The body is at most 2 GiB "
                    + "(quarkus.http.limits.max-body-size; a longer one is cut off with 413) and each line at most "
                    + "16 KiB (16,384 bytes, line break excluded). Refusals of the whole file (400, 401, 403, 404, "
                    + "409, 413, 415, 429) come before any line is kept; once the first line is read the answer is 200 "
                    + "with every line's fate. Each line is judged as a single report (a jobcentre's line for anyone not its own "
                    + "participant is pending, and beyond its cap of waiting outcomes rejected). Rejected lines "
                    + "(unreadable JSON, a line over 16 KiB, a field missing or of the wrong form, a date outside "
                    + "1900-01-01..2100-12-31, a CPR-like number or control character in source or sourceId, before "
                    + "enrolment, in the future; and the lines of a batch the database could not write, which may be "
                    + "sent again) are listed with their 1-based line number and reason, are not kept, and never "
                    + "fail the other lines of their batch. At most trials.outcomes.bulk.concurrent-uploads files "
                    + "(4 by default) load at once, so that bulk files cannot take the connections the event "
                    + "consumers and single reports need; one more is answered 429 with Retry-After before any "
                    + "line is read. With an Upload-Id header, GET /api/v1/trials/{trialId}/uploads/{uploadId} "
                    + "reports the lines read and counted so far while the file loads (updated at each batch), "
                    + "and the final counts after; the answer to this request is the same with or without it.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(implementation = String.class),
            examples = @ExampleObject(name = "twoLines", value = OutcomeExamples.BULK)))
    @APIResponse(responseCode = "200", description = "Every line's fate", content = @Content(
            schema = @Schema(implementation = BulkReceipt.class), examples = @ExampleObject(name = "receipt", value = OutcomeExamples.BULK_RECEIPT)))
    @APIResponse(responseCode = "400", description = "The Upload-Id header is not an upload id; nothing was read",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such trial")
    @APIResponse(responseCode = "409", description = "The Upload-Id names an upload that is running, or one by another "
            + "caller or into another trial; nothing was read",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "As many bulk files as the service loads at once "
            + "(trials.outcomes.bulk.concurrent-uploads, 4 by default) are loading; nothing of this one was read or "
            + "kept. Send it again after Retry-After seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before sending the file again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public BulkReceipt reportInBulk(@PathParam("trialId") UUID trialId,
                                    @HeaderParam(UploadId.HEADER) @Parameter(in = ParameterIn.HEADER,
                                            description = UploadId.DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                            maxLength = UploadId.MAX_LENGTH, pattern = UploadId.PATTERN))
                                    String uploadId,
                                    InputStream body) {
        Optional<UploadId> named = UploadId.fromHeader(uploadId);
        String jobcentre = reportingJobcentre();
        // Claimed before anything touches the database: a refused upload takes no connection at all.
        try (BulkWriters.Slot slot = writers.claim()) {
            plans.get(trialId);
            // Registered before the first batch commits and ended after the last: a look waits for the whole file.
            UUID upload = uploads.begin(trialId);
            try {
                UploadProgress.Tracker tracker = progress.begin(named, trialId, caller.name());
                return ingestInBatches(trialId, jobcentre, upload, body, tracker);
            } finally {
                uploads.end(upload);
            }
        }
    }

    private BulkReceipt ingestInBatches(UUID trialId, String jobcentre, UUID upload, InputStream body,
                                        UploadProgress.Tracker tracker) {
        BulkCounter counter = new BulkCounter(LISTED_REJECTIONS);
        // A jobcentre's lines may take places of its cap of waiting outcomes, which go in file order; an admin's
        // (a register's) wait without limit, so two of its batches may be written at once.
        BatchPipeline pipeline = new BatchPipeline(writers.executor(), counter,
                jobcentre == null ? BulkWriters.BATCHES_PER_UPLOAD : 1);
        List<IncomingOutcome> batch = new ArrayList<>(BATCH);
        List<Long> batchLines = new ArrayList<>(BATCH);
        Set<SourceKey> batchKeys = new HashSet<>();
        Set<SourceKey> previousKeys = Set.of();
        boolean repeatsPrevious = false;
        try (body) {
            NdjsonLines in = new NdjsonLines(body, MAX_LINE_BYTES);
            for (NdjsonLines.Line line; (line = in.next()) != null; ) {
                long number = line.number();
                if (line.tooLong()) {
                    counter.line();
                    counter.rejected(number, "line is longer than " + MAX_LINE_BYTES + " bytes");
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                counter.line();
                OutcomeRequestReader.Read read = readLine(trialId, line.text(), jobcentre);
                if (!read.ok()) {
                    counter.rejected(number, describe(read.errors()));
                    continue;
                }
                IncomingOutcome outcome = read.outcome();
                SourceKey key = new SourceKey(outcome.source(), outcome.sourceId());
                batchKeys.add(key);
                repeatsPrevious |= previousKeys.contains(key);
                batch.add(outcome);
                batchLines.add(number);
                if (batch.size() == BATCH) {
                    submit(pipeline, repeatsPrevious, batchLines, trialId, batch, upload);
                    // The batches before the ones in flight are counted by now.
                    tracker.counted(counter.counts());
                    previousKeys = batchKeys;
                    repeatsPrevious = false;
                    batch = new ArrayList<>(BATCH);
                    batchLines = new ArrayList<>(BATCH);
                    batchKeys = new HashSet<>();
                }
            }
        } catch (IOException e) {
            pipeline.abandon();
            tracker.finished(UploadState.FAILED, counter.counts());
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            pipeline.abandon();
            tracker.finished(UploadState.FAILED, counter.counts());
            throw e;
        }
        if (!batch.isEmpty()) {
            submit(pipeline, repeatsPrevious, batchLines, trialId, batch, upload);
        }
        pipeline.drain();
        tracker.finished(UploadState.DONE, counter.counts());
        return counter.receipt();
    }

    /** A source and source id: what makes two lines one outcome. */
    private record SourceKey(String source, String sourceId) {
    }

    /**
     * Hands a batch to the pipeline. One that repeats a source + sourceId of the batch before it waits until that
     * batch has committed: of two such lines the first in the file is kept, and the later one must find it there.
     */
    private void submit(BatchPipeline pipeline, boolean repeatsPrevious, List<Long> lineNumbers, UUID trialId,
                        List<IncomingOutcome> batch, UUID upload) {
        if (repeatsPrevious) {
            pipeline.drain();
        }
        pipeline.submit(lineNumbers, () -> {
            uploads.alive(upload);
            return ingestion.ingest(trialId, batch, false);
        });
    }

    /**
     * One line read as a single report would be. The JSON mapper's refusals (a line that is not JSON, a field of the
     * wrong kind, or one the platform's REST rules refuse) reject the line, never the file, and their messages, which
     * may quote the line, are not passed on.
     */
    private OutcomeRequestReader.Read readLine(UUID trialId, String line, String jobcentre) {
        try {
            return reader.read(trialId, lines.readValue(line), jobcentre);
        } catch (JsonProcessingException e) {
            return OutcomeRequestReader.Read.unreadable(new FieldError("line", "is not a JSON outcome object"));
        }
    }

    private static String describe(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }

    @GET
    @Path("/unmatched")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "listUnmatchedOutcomes", summary = "Outcomes that have not found their participant",
            description = "Outcomes kept as PENDING_ENROLMENT because no enrolment event has named their participant "
                    + "(or, reported by a jobcentre, because the participant is not that jobcentre's), oldest first "
                    + "(at most 1000 listed; count gives all). Each read is audited (who, when, trial, how many "
                    + "listed).")
    @APIResponse(responseCode = "200", description = "The unmatched outcomes", content = @Content(
            schema = @Schema(implementation = UnmatchedOutcomes.class), examples = @ExampleObject(name = "unmatched", value = OutcomeExamples.UNMATCHED)))
    @APIResponse(responseCode = "404", description = "No such trial")
    public UnmatchedOutcomes unmatched(@PathParam("trialId") UUID trialId) {
        plans.get(trialId);
        Instant now = clock.instant();
        List<UnmatchedOutcomes.Unmatched> found = outcomes.unmatched(trialId, LISTED_REJECTIONS).stream()
                .map(u -> new UnmatchedOutcomes.Unmatched(u.source(), u.sourceId(), u.enrolmentId(), u.namedByCpr(),
                        u.type(), u.occurredOn(), u.receivedAt(), ChronoUnit.DAYS.between(u.receivedAt(), now)))
                .toList();
        UnmatchedOutcomes answer = new UnmatchedOutcomes(trialId, outcomes.count(trialId, OutcomeStatus.PENDING_ENROLMENT), found);
        reads.record(UNMATCHED_READ, trialId, found.size());
        return answer;
    }

    /** A jobcentre reports for its own participants only; an admin for anyone. */
    private String reportingJobcentre() {
        if (caller.hasRole(Roles.ADMIN)) {
            return null;
        }
        return caller.jobcentre().orElseThrow(() -> ProblemException.forbidden("A jobcentre token must carry its jobcentre"));
    }
}
