package dk.trials.outcome.rest;

import dk.trials.outcome.service.Disposition;
import dk.trials.outcome.service.IngestionResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bulk file's batches: one the database could not write rejects its own lines, and the file goes on. */
class BatchPipelineTest {

    @Test
    void aBatchThatFailsRejectsItsLinesByNumberAndTheNextBatchStillCounts() {
        BulkCounter counter = new BulkCounter(1000);
        BatchPipeline pipeline = new BatchPipeline(Runnable::run, counter);
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
}
