package dk.trials.outcome;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A point of the estimate history: the estimates as they stood, stored as an {@link EstimateDocument}.
 * {@code DAILY} points are the rolling estimate of their day, replaced as the day goes on; {@code LOOK} points are
 * frozen at a formal monitoring look.
 */
@Entity
@Table(name = "estimate_snapshot")
public class EstimateSnapshot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trial_id")
    public UUID trialId;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Enumerated(EnumType.STRING)
    public SnapshotKind kind;

    public Integer look;

    @Column(name = "computed_at")
    public Instant computedAt;

    /** The {@link EstimateDocument} as JSON; its {@code schemaVersion} says which shape it has. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String body;
}
