package dk.trials.outcome;

/** Where a named bulk upload stands. */
public enum UploadState {
    /** Lines are being read and written; the counts are those so far. */
    RUNNING,
    /** Every line was answered; the counts equal the upload's answer. */
    DONE,
    /** The upload stopped before its answer (the body broke off, or the service failed); batches counted stay kept. */
    FAILED
}
