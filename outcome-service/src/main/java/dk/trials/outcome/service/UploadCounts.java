package dk.trials.outcome.service;

/** A bulk upload's lines so far: how many were read, and what became of those whose fate is known. */
public record UploadCounts(long linesProcessed, long accepted, long pending, long duplicate, long rejected) {

    public static final UploadCounts NONE = new UploadCounts(0, 0, 0, 0, 0);
}
