package dk.trials.outcome.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads that write bulk files' batches; one per file being ingested, reused between files. */
@ApplicationScoped
public class BulkWriters {

    private final AtomicInteger created = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "outcome-bulk-writer-" + created.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    ExecutorService executor() {
        return threads;
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }
}
