package dk.trials.outcome.rest;

import dk.trials.outcome.service.Disposition;
import dk.trials.outcome.service.IngestionResult;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk file's batches: one the database could not write rejects its own lines, and the file goes on; one that lost
 * a deadlock to the batch written beside it is written again after it.
 */
class BatchPipelineTest {

    @Test
    void aBatchThatFailsRejectsItsLinesByNumberAndTheNextBatchStillCounts() {
        BulkCounter counter = new BulkCounter(1000);
        BatchPipeline pipeline = new BatchPipeline(Runnable::run, counter, 1);
        for (int i = 0; i < 4; i++) {
            counter.line();
        }
        pipeline.submit(List.of(1L, 2L), () -> {
            throw new IllegalStateException("the database refused the batch");
        });
        pipeline.submit(List.of(3L, 4L), () -> List.of(new IngestionResult(Disposition.ACCEPTED, null, null),
                new IngestionResult(Disposition.TOO_MANY_PENDING, "the jobcentre already has 3 outcomes waiting", null)));
        pipeline.drain();

        BulkReceipt receipt = counter.receipt();
        assertEquals(4, receipt.lines());
        assertEquals(1, receipt.accepted());
        assertEquals(3, receipt.rejected());
        assertEquals(List.of(new BulkReceipt.Rejection(1, BatchPipeline.NOT_WRITTEN),
                new BulkReceipt.Rejection(2, BatchPipeline.NOT_WRITTEN),
                new BulkReceipt.Rejection(4, "the jobcentre already has 3 outcomes waiting")), receipt.rejections());
    }

    @Test
    void aBatchThatLostADeadlockToTheBatchBesideItIsWrittenAgainAfterItAndCounts() throws Exception {
        BulkCounter counter = new BulkCounter(1000);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            BatchPipeline pipeline = new BatchPipeline(writers, counter, 2);
            List<String> written = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch secondDone = new CountDownLatch(1);
            int[] attempts = {0};
            pipeline.submit(List.of(1L), () -> {
                if (attempts[0]++ == 0) {
                    throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
                }
                assertTrue(secondDone.await(10, TimeUnit.SECONDS), "written again after the other");
                written.add("first, again");
                return List.of(new IngestionResult(Disposition.ACCEPTED, null, null));
            });
            pipeline.submit(List.of(2L), () -> {
                written.add("second");
                secondDone.countDown();
                return List.of(new IngestionResult(Disposition.DUPLICATE, null, null));
            });
            pipeline.drain();

            BulkReceipt receipt = counter.receipt();
            assertEquals(1, receipt.accepted());
            assertEquals(1, receipt.duplicate());
            assertEquals(0, receipt.rejected());
            assertEquals(List.of("second", "first, again"), written);
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aBatchThatDeadlocksTwiceRejectsItsLinesAsNotWritten() {
        BulkCounter counter = new BulkCounter(1000);
        BatchPipeline pipeline = new BatchPipeline(Runnable::run, counter, 2);
        pipeline.submit(List.of(1L, 2L), () -> {
            throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
        });
        pipeline.drain();

        assertEquals(List.of(new BulkReceipt.Rejection(1, BatchPipeline.NOT_WRITTEN),
                new BulkReceipt.Rejection(2, BatchPipeline.NOT_WRITTEN)), counter.receipt().rejections());
    }
}
