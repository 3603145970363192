package dk.trials.enrolment.service;

import dk.trials.enrolment.UploadState;
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
 * The progress of imports named by an {@link UploadId}, in the database so that every replica answers for every
 * replica's imports. Each write is a short transaction of its own, beside the import's one transaction: the counts
 * show while the import runs, though what they count commits only with it. A row not updated for {@link #KEPT} is
 * deleted as the next named import begins: long after its client stopped asking, and a RUNNING one then belonged to a
 * process that died mid-import.
 */
@ApplicationScoped
public class UploadProgress {

    static final Duration KEPT = Duration.ofHours(24);

    /** Where one import's progress is written as its lines are written. */
    public interface Tracker {
        void counted(ImportCounts counts);

        void finished(UploadState state, ImportCounts counts);
    }

    /** For an import without an Upload-Id: it has no progress to show. */
    private static final Tracker UNNAMED = new Tracker() {
        @Override
        public void counted(ImportCounts counts) {
            // Nothing to show.
        }

        @Override
        public void finished(UploadState state, ImportCounts counts) {
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
     * Starts the progress of an import of {@code lines} lines by {@code startedBy} into the trial, committed at once;
     * 409 if the id names a running import, or another caller's or another trial's. The same caller's finished import
     * of the same trial starts afresh under its id.
     */
    public Tracker begin(Optional<UploadId> id, UUID trialId, String startedBy, long lines) {
        if (id.isEmpty()) {
            return UNNAMED;
        }
        String uploadId = id.get().value();
        Instant now = clock.instant();
        int taken = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("delete from upload_progress where updated_at < :expired")
                    .setParameter("expired", now.minus(KEPT)).executeUpdate();
            return entityManager.createNativeQuery("""
                            insert into upload_progress (upload_id, trial_id, started_by, state, lines_submitted,
                                                         lines_processed, imported, already_enrolled, started_at,
                                                         updated_at)
                            values (:id, :trialId, :by, 'RUNNING', :lines, 0, 0, 0, :now, :now)
                            on conflict (upload_id) do update
                                set state = 'RUNNING', lines_submitted = :lines, lines_processed = 0, imported = 0,
                                    already_enrolled = 0, started_at = :now, updated_at = :now, finished_at = null
                                where upload_progress.trial_id = :trialId and upload_progress.started_by = :by
                                  and upload_progress.state <> 'RUNNING'""")
                    .setParameter("id", uploadId).setParameter("trialId", trialId).setParameter("by", startedBy)
                    .setParameter("lines", lines).setParameter("now", now).executeUpdate();
        });
        if (taken == 0) {
            throw new ProblemException(409, "upload-id-in-use", "Upload-Id in use", "This " + UploadId.HEADER
                    + " names an import that is running, or an import by another caller or into another trial; "
                    + "nothing of this one was imported. A new import needs a new id.",
                    List.of(new FieldError(UploadId.HEADER, "names another import")));
        }
        return new Tracker() {
            @Override
            public void counted(ImportCounts counts) {
                write(uploadId, UploadState.RUNNING, counts, false);
            }

            @Override
            public void finished(UploadState state, ImportCounts counts) {
                write(uploadId, state, counts, true);
            }
        };
    }

    private void write(String uploadId, UploadState state, ImportCounts counts, boolean finished) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update upload_progress
                        set state = :state, lines_processed = :lines, imported = :imported,
                            already_enrolled = :alreadyEnrolled, updated_at = :now,
                            finished_at = case when :finished then cast(:now as timestamptz) end
                        where upload_id = :id and state = 'RUNNING'""")
                .setParameter("state", state.name()).setParameter("lines", counts.linesProcessed())
                .setParameter("imported", counts.imported()).setParameter("alreadyEnrolled", counts.alreadyEnrolled())
                .setParameter("now", now).setParameter("finished", finished)
                .setParameter("id", uploadId).executeUpdate());
    }

    /** The import's progress, if the id names one (kept for {@link #KEPT} after its last change). */
    public Optional<UploadReport> find(UploadId id) {
        String uploadId = id.value();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("""
                            select trial_id, started_by, state, lines_submitted, lines_processed, imported,
                                   already_enrolled, started_at, updated_at, finished_at
                            from upload_progress where upload_id = :id""")
                    .setParameter("id", uploadId).getResultList();
            return rows.stream().findFirst().map(row -> {
                Object[] r = (Object[]) row;
                return new UploadReport(uploadId, (UUID) r[0], (String) r[1], UploadState.valueOf((String) r[2]),
                        new ImportCounts(number(r[3]), number(r[4]), number(r[5]), number(r[6])),
                        instant(r[7]), instant(r[8]), instant(r[9]));
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
