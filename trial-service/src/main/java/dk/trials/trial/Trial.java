package dk.trials.trial;

import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A trial: its design, where it is in its lifecycle, and who made and last changed it. */
@Entity
@Table(name = "trial")
public class Trial extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public TrialStatus status;

    /** Kept beside the design for filtering; always equal to {@code design.type()}. */
    @Enumerated(EnumType.STRING)
    public TrialType type;

    /** Kept beside the design so that the table reads without unpacking JSON; the service reads {@code design}. */
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Design design;

    /** SHA-256 of the canonical design, recorded when the trial opens. */
    @Column(name = "design_hash")
    public String designHash;

    @Column(name = "planned_events")
    public Integer plannedEvents;

    /** The power calculation as it stood when the trial opened; null for a draft or a design without power. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sample_size", columnDefinition = "jsonb")
    public SampleSize sampleSize;

    /** Number of the latest amendment; 0 before any. */
    public int amendments;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Number of the latest trial event published for the trial (0 before any), carried on each event as its
     * {@code trialVersion}; see {@link #numberNextEvent}. Not {@link #version}: that one counts every write,
     * draft edits included, for optimistic locking, and moves only when Hibernate flushes.
     */
    @Column(name = "trial_version")
    public long trialVersion;

    @Version
    public long version;

    /**
     * Counts one more published event; the caller holds the trial's row lock, so two changes of one trial never
     * number the same or out of commit order.
     */
    public void numberNextEvent() {
        trialVersion++;
    }

    public void replaceDesign(Design newDesign) {
        this.design = newDesign;
        this.type = newDesign.type();
        this.title = newDesign.title();
    }
}
