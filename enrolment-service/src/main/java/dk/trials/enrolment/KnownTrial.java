package dk.trials.enrolment;

import dk.trials.events.trial.TrialStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A trial as the latest trial event described it: its status and its frozen design. */
@Entity
@Table(name = "known_trial")
public class KnownTrial extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public TrialStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public TrialDocument design;

    /**
     * The {@code trialVersion} of the event that produced this row: a later event applies only with a greater one.
     * Null while only events published before versions existed have described the trial.
     */
    @Column(name = "trial_version")
    public Long trialVersion;

    /** When the event that produced this row occurred: what the rule compares a later unversioned event with. */
    @Column(name = "updated_at")
    public Instant updatedAt;
}
