package dk.trials.outcome.rest;

import dk.trials.outcome.service.IngestionResult;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Writes a bulk file's batches one at a time, in file order, on a writer thread while the request thread parses the
 * next batch: parsing and the database then share the two cores instead of taking turns. At most one batch is in
 * flight; its results are counted on the request thread, so the counter needs no locking.
 */
final class BatchPipeline {

    private final Executor writer;
    private final BulkCounter counter;
    private FutureTask<List<IngestionResult>> inFlight;
    private List<Long> inFlightLines;

    BatchPipeline(Executor writer, BulkCounter counter) {
        this.writer = writer;
        this.counter = counter;
    }

    /** Waits for the batch in flight (rethrowing its failure), then hands this one to the writer. */
    void submit(List<Long> lineNumbers, Callable<List<IngestionResult>> write) {
        drain();
        inFlight = new FutureTask<>(write);
        inFlightLines = lineNumbers;
        writer.execute(inFlight);
    }

    /** Waits for the batch in flight and counts its lines; a failed batch fails the request as it would inline. */
    void drain() {
        if (inFlight == null) {
            return;
        }
        FutureTask<List<IngestionResult>> task = inFlight;
        inFlight = null;
        try {
            counter.count(inFlightLines, task.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
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
