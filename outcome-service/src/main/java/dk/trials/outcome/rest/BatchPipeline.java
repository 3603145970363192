package dk.trials.outcome.rest;

import dk.trials.outcome.service.IngestionResult;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Writes a bulk file's batches one at a time, in file order, on a writer thread while the request thread parses the
 * next batch: parsing and the database then share the two cores instead of taking turns. At most one batch is in
 * flight; its results are counted on the request thread, so the counter needs no locking. A batch the database
 * could not write (its transaction rolled back, nothing of it kept) rejects its lines by number, to be sent again,
 * and the file goes on: once lines are written the caller gets every line's fate, never an error for the file.
 */
final class BatchPipeline {

    private static final Logger LOG = Logger.getLogger(BatchPipeline.class);
    static final String NOT_WRITTEN = "not written: the database refused this line's batch, nothing of it was kept; "
            + "send the line again";

    private final Executor writer;
    private final BulkCounter counter;
    private FutureTask<List<IngestionResult>> inFlight;
    private List<Long> inFlightLines;

    BatchPipeline(Executor writer, BulkCounter counter) {
        this.writer = writer;
        this.counter = counter;
    }

    /** Waits for the batch in flight and counts its lines, then hands this one to the writer. */
    void submit(List<Long> lineNumbers, Callable<List<IngestionResult>> write) {
        drain();
        inFlight = new FutureTask<>(write);
        inFlightLines = lineNumbers;
        writer.execute(inFlight);
    }

    /** Waits for the batch in flight and counts its lines; a failed batch rejects its lines. */
    void drain() {
        if (inFlight == null) {
            return;
        }
        FutureTask<List<IngestionResult>> task = inFlight;
        inFlight = null;
        try {
            counter.count(inFlightLines, task.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            // The exception's class only: a database message may quote the rows it refused.
            LOG.errorf("A bulk batch of %d lines (lines %d to %d) could not be written: %s", inFlightLines.size(),
                    inFlightLines.get(0), inFlightLines.get(inFlightLines.size() - 1), e.getCause().getClass().getName());
            counter.notWritten(inFlightLines, NOT_WRITTEN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was written", e);
        }
    }

    /** After a failure on the request thread: lets the batch in flight finish (commit or roll back) before answering. */
    void abandon() {
        try {
            drain();
        } catch (RuntimeException | Error ignored) {
            // The request already fails with the first error; the batch's own outcome changes nothing for the caller.
        }
    }
}
