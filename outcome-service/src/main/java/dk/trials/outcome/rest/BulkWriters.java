package dk.trials.outcome.rest;

import dk.trials.outcome.config.BulkUploadsConfig;
import dk.trials.platform.problem.Problems;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that writes bulk files' batches: {@code trials.outcomes.bulk.concurrent-uploads} files at a time,
 * {@link #BATCHES_PER_UPLOAD} writer threads each. An upload claims a slot before its first line is read and frees it
 * when it answers; one more is refused with 429 and Retry-After. As a file has at most that many batches in flight,
 * each holding one connection, bulk uploads together never hold more of the datasource's connections than
 * {@code BATCHES_PER_UPLOAD} per slot, and the consumers, the relay and single reports keep the rest of the pool
 * however many files arrive.
 */
@ApplicationScoped
public class BulkWriters {

    /** An upload's claim on the pool, freed when closed. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The most batches of one file written at once: two, so that one file's batches are not bound by one database
     * backend's core (bench/README.md). With two, only the batch before can be in flight beside a new one, which is
     * all the file's check for a repeated source + sourceId compares with ({@link OutcomeResource}); more would need
     * the keys of every batch in flight.
     */
    static final int BATCHES_PER_UPLOAD = 2;

    private final int slots;
    private final long retryAfterSeconds;
    private final Semaphore free;
    private final AtomicInteger created = new AtomicInteger();
    private final ExecutorService threads;

    public BulkWriters(BulkUploadsConfig config) {
        if (config.concurrentUploads() < 1) {
            throw new IllegalArgumentException("trials.outcomes.bulk.concurrent-uploads must be at least 1");
        }
        this.slots = config.concurrentUploads();
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
        this.free = new Semaphore(slots);
        this.threads = Executors.newFixedThreadPool(slots * BATCHES_PER_UPLOAD, task -> {
            Thread thread = new Thread(task, "outcome-bulk-writer-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A slot for one upload, or 429 problem+json with Retry-After when every slot is taken. */
    Slot claim() {
        if (!free.tryAcquire()) {
            throw new WebApplicationException(Response.fromResponse(Problems.response(429, "too-many-uploads",
                            "Too many bulk uploads", "outcome-service is loading " + slots + " bulk files, as many "
                                    + "as it loads at once; nothing of this one was read. Send it again after "
                                    + retryAfterSeconds + " s.", null))
                    .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                    .build());
        }
        return free::release;
    }

    ExecutorService executor() {
        return threads;
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }
}
