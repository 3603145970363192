package dk.trials.enrolment;

/** Where a named import stands. */
public enum UploadState {
    /** Lines are being checked and written in the import's one transaction; the counts are those so far. */
    RUNNING,
    /** The import committed; the counts equal its answer. */
    DONE,
    /** The import was refused or rolled back: nothing of it was kept, whatever the counts reached. */
    FAILED
}
