package dk.trials.outcome.rest;

import dk.trials.outcome.service.IngestionResult;
import dk.trials.outcome.service.UploadCounts;

import java.util.ArrayList;
import java.util.List;

/** Tallies a bulk file's lines as their batches are taken. */
final class BulkCounter {

    private final int listed;
    private final List<BulkReceipt.Rejection> rejections = new ArrayList<>();
    private long lines;
    private long accepted;
    private long pending;
    private long duplicate;
    private long rejected;

    BulkCounter(int listed) {
        this.listed = listed;
    }

    void line() {
        lines++;
    }

    void rejected(long line, String reason) {
        rejected++;
        if (rejections.size() < listed) {
            rejections.add(new BulkReceipt.Rejection(line, reason));
        }
    }

    /** Every line of a batch that could not be written is rejected with the same reason. */
    void notWritten(List<Long> lineNumbers, String reason) {
        for (long line : lineNumbers) {
            rejected(line, reason);
        }
    }

    void count(List<Long> lineNumbers, List<IngestionResult> results) {
        for (int i = 0; i < results.size(); i++) {
            IngestionResult result = results.get(i);
            switch (result.disposition()) {
                case ACCEPTED -> accepted++;
                case PENDING_ENROLMENT -> pending++;
                case DUPLICATE -> duplicate++;
                case REJECTED, TOO_MANY_PENDING -> rejected(lineNumbers.get(i), result.reason());
            }
        }
    }

    /** The lines read so far, and the fates known so far: the batch in flight is not counted yet. */
    UploadCounts counts() {
        return new UploadCounts(lines, accepted, pending, duplicate, rejected);
    }

    BulkReceipt receipt() {
        rejections.sort(java.util.Comparator.comparingLong(BulkReceipt.Rejection::line));
        return new BulkReceipt(lines, accepted, pending, duplicate, rejected, List.copyOf(rejections),
                rejected - rejections.size());
    }
}
