package dk.trials.outcome.service;

import dk.trials.outcome.UploadState;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.upload.UploadId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The progress of bulk uploads named by an {@link UploadId}, in the database so that every replica answers for every
 * replica's uploads. Each write is a short transaction of its own, never the batch's: progress shows while the file
 * loads, and a batch that rolls back leaves the counts it had. A row not updated for {@link #KEPT} is deleted as the
 * next named upload begins: long after its client stopped asking, and a RUNNING one then belonged to a process that
 * died mid-file.
 */
@ApplicationScoped
public class UploadProgress {

    static final Duration KEPT = Duration.ofHours(24);

    /** Where one upload's progress is written as its batches are counted. */
    public interface Tracker {
        void counted(UploadCounts counts);

        void finished(UploadState state, UploadCounts counts);
    }

    private static final Tracker UNNAMED = new Tracker() {
        @Override
        public void counted(UploadCounts counts) {
            // An upload without an Upload-Id has no progress to show.
        }

        @Override
        public void finished(UploadState state, UploadCounts counts) {
            // Nor an end.
        }
    };

    private final EntityManager entityManager;
    private final Clock clock;

    public UploadProgress(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Starts the progress of an upload by {@code startedBy} into the trial, committed at once; 409 if the id names a
     * running upload, or another caller's or another trial's. The same caller's finished upload of the same trial
     * starts afresh under its id.
     */
    public Tracker begin(Optional<UploadId> id, UUID trialId, String startedBy) {
        if (id.isEmpty()) {
            return UNNAMED;
        }
        String uploadId = id.get().value();
        Instant now = clock.instant();
        int taken = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("delete from upload_progress where updated_at < :expired")
                    .setParameter("expired", now.minus(KEPT)).executeUpdate();
            return entityManager.createNativeQuery("""
                            insert into upload_progress (upload_id, trial_id, started_by, state, lines_processed, accepted,
                                                         pending, duplicate, rejected, started_at, updated_at)
                            values (:id, :trialId, :by, 'RUNNING', 0, 0, 0, 0, 0, :now, :now)
                            on conflict (upload_id) do update
                                set state = 'RUNNING', lines_processed = 0, accepted = 0, pending = 0, duplicate = 0,
                                    rejected = 0, started_at = :now, updated_at = :now, finished_at = null
                                where upload_progress.trial_id = :trialId and upload_progress.started_by = :by
                                  and upload_progress.state <> 'RUNNING'""")
                    .setParameter("id", uploadId).setParameter("trialId", trialId).setParameter("by", startedBy)
                    .setParameter("now", now).executeUpdate();
        });
        if (taken == 0) {
            throw new ProblemException(409, "upload-id-in-use", "Upload-Id in use", "This " + UploadId.HEADER
                    + " names an upload that is running, or an upload by another caller or into another trial; "
                    + "nothing of this one was read. A new upload needs a new id.",
                    List.of(new FieldError(UploadId.HEADER, "names another upload")));
        }
        return new Tracker() {
            @Override
            public void counted(UploadCounts counts) {
                write(uploadId, UploadState.RUNNING, counts, false);
            }

            @Override
            public void finished(UploadState state, UploadCounts counts) {
                write(uploadId, state, counts, true);
            }
        };
    }

    private void write(String uploadId, UploadState state, UploadCounts counts, boolean finished) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update upload_progress
                        set state = :state, lines_processed = :lines, accepted = :accepted, pending = :pending,
                            duplicate = :duplicate, rejected = :rejected, updated_at = :now,
                            finished_at = case when :finished then cast(:now as timestamptz) end
                        where upload_id = :id and state = 'RUNNING'""")
                .setParameter("state", state.name()).setParameter("lines", counts.linesProcessed())
                .setParameter("accepted", counts.accepted()).setParameter("pending", counts.pending())
                .setParameter("duplicate", counts.duplicate()).setParameter("rejected", counts.rejected())
                .setParameter("now", now).setParameter("finished", finished)
                .setParameter("id", uploadId).executeUpdate());
    }

    /** The upload's progress, if the id names one (kept for {@link #KEPT} after its last change). */
    public Optional<UploadReport> find(UploadId id) {
        String uploadId = id.value();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("""
                            select trial_id, started_by, state, lines_processed, accepted, pending, duplicate, rejected,
                                   started_at, updated_at, finished_at
                            from upload_progress where upload_id = :id""")
                    .setParameter("id", uploadId).getResultList();
            return rows.stream().findFirst().map(row -> {
                Object[] r = (Object[]) row;
                return new UploadReport(uploadId, (UUID) r[0], (String) r[1], UploadState.valueOf((String) r[2]),
                        new UploadCounts(number(r[3]), number(r[4]), number(r[5]), number(r[6]), number(r[7])),
                        instant(r[8]), instant(r[9]), instant(r[10]));
            });
        });
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
