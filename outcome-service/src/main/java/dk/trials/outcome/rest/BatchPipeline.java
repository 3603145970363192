package dk.trials.outcome.rest;

import dk.trials.outcome.service.IngestionResult;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Writes a bulk file's batches on writer threads while the request thread parses the next batch, up to
 * {@code depth} batches at once, each in its own transaction: with two, PostgreSQL works on two batches at a time
 * and uses the second core, which one backend per file never did. Results are counted on the request thread, oldest
 * batch first, so the counter needs no locking and counts in file order. A batch the database could not write (its
 * transaction rolled back, nothing of it kept) rejects its lines by number, to be sent again, and the file goes on:
 * once lines are written the caller gets every line's fate, never an error for the file. A batch that lost a
 * deadlock to the batch beside it (two participants named by enrolment id in one and by CPR number in the other)
 * is written again once the batches before it have finished, as it would have been alone.
 */
final class BatchPipeline {

    private static final Logger LOG = Logger.getLogger(BatchPipeline.class);
    static final String NOT_WRITTEN = "not written: the database refused this line's batch, nothing of it was kept; "
            + "send the line again";
    /** PostgreSQL's SQLSTATE for a transaction it aborted to break a deadlock. */
    private static final String DEADLOCK_DETECTED = "40P01";

    private record Batch(List<Long> lines, Callable<List<IngestionResult>> write, FutureTask<List<IngestionResult>> task) {
    }

    private final Executor writer;
    private final BulkCounter counter;
    private final int depth;
    private final Deque<Batch> inFlight = new ArrayDeque<>();

    /** {@code depth} 1: the next batch is written only once the one before has committed. */
    BatchPipeline(Executor writer, BulkCounter counter, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("at least one batch must be in flight");
        }
        this.writer = writer;
        this.counter = counter;
        this.depth = depth;
    }

    /** Once fewer than {@code depth} batches are in flight (the oldest counted first), hands this one to a writer. */
    void submit(List<Long> lineNumbers, Callable<List<IngestionResult>> write) {
        while (inFlight.size() >= depth) {
            countOldest();
        }
        inFlight.addLast(start(lineNumbers, write));
    }

    /** Waits for every batch in flight and counts their lines; a failed batch rejects its lines. */
    void drain() {
        while (!inFlight.isEmpty()) {
            countOldest();
        }
    }

    private Batch start(List<Long> lineNumbers, Callable<List<IngestionResult>> write) {
        Batch batch = new Batch(lineNumbers, write, new FutureTask<>(write));
        writer.execute(batch.task());
        return batch;
    }

    private void countOldest() {
        Batch batch = inFlight.removeFirst();
        try {
            counter.count(batch.lines(), resultOf(batch));
        } catch (ExecutionException e) {
            if (!deadlocked(e.getCause())) {
                notWritten(batch, e.getCause());
                return;
            }
            // Rolled back whole; written again alone, after the batches it deadlocked with have finished.
            drain();
            Batch again = start(batch.lines(), batch.write());
            try {
                counter.count(again.lines(), resultOf(again));
            } catch (ExecutionException twice) {
                notWritten(again, twice.getCause());
            }
        }
    }

    private static List<IngestionResult> resultOf(Batch batch) throws ExecutionException {
        try {
            return batch.task().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was written", e);
        }
    }

    private void notWritten(Batch batch, Throwable cause) {
        List<Long> lines = batch.lines();
        // The exception's class only: a database message may quote the rows it refused.
        LOG.errorf("A bulk batch of %d lines (lines %d to %d) could not be written: %s", lines.size(),
                lines.get(0), lines.get(lines.size() - 1), cause.getClass().getName());
        counter.notWritten(lines, NOT_WRITTEN);
    }

    private static boolean deadlocked(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && DEADLOCK_DETECTED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** After a failure on the request thread: lets the batches in flight finish (commit or roll back) before answering. */
    void abandon() {
        while (!inFlight.isEmpty()) {
            try {
                countOldest();
            } catch (RuntimeException | Error ignored) {
                // The request already fails with the first error; the batches' own outcomes change nothing for the caller.
            }
        }
    }
}
