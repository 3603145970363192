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
import java.util.List;
import java.util.UUID;

/**
 * A formal group-sequential look, frozen when taken: its data cut, who asked for it and why, its inputs (the
 * follow-up tables at the cut, the rules and the looks before it) and its result, both as the canonical JSON its
 * {@code sha256} covers ({@link LookInputs}, {@link LookResult}). Nothing of a look is ever recomputed from live data.
 * <p>
 * Looks taken before frozen cuts existed ({@code frozen} false) were taken on live data by the rolling refresh; they
 * keep only their summary columns ({@code events} .. {@code decision}), which every look still fills.
 */
@Entity
@Table(name = "monitoring_look")
public class MonitoringLook extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trial_id")
    public UUID trialId;

    /** The look's number, 1 upwards per trial; unique with the trial, so two replicas cannot take the same look. */
    public int look;

    /** The Europe/Copenhagen date of {@code takenAt}. */
    @Column(name = "taken_on")
    public LocalDate takenOn;

    @Column(name = "taken_at")
    public Instant takenAt;

    /** The data cut: only outcomes dated on or before it count. Null on a legacy look (live data). */
    @Column(name = "cut_date")
    public LocalDate cutDate;

    public boolean frozen;

    /** {@code schedule}, or the subject of the admin who asked for the look. */
    @Column(name = "requested_by")
    public String requestedBy;

    public String reason;

    @Column(name = "final_look")
    public boolean finalLook;

    /** The shared information rate the look's boundary was computed at. */
    @Column(name = "information_rate")
    public double informationRate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "crossed_arms", columnDefinition = "text[]")
    public List<String> crossedArms;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "futile_arms", columnDefinition = "text[]")
    public List<String> futileArms;

    /** {@link LookInputs} as canonical JSON, exactly as hashed; null on a legacy look. */
    public String inputs;

    /** {@link LookResult} as canonical JSON, exactly as hashed; null on a legacy look. */
    public String result;

    /** SHA-256 (hex) of {@link LookDocuments#sha256}(inputs, result); null on a legacy look. */
    public String sha256;

    /** Summary: job exits of all arms within the horizon at the cut. */
    public long events;

    /** Summary: the information rate (the fraction of the first looks, which had one comparison). */
    @Column(name = "information_fraction")
    public double informationFraction;

    @Column(name = "boundary_z")
    public double boundaryZ;

    /** Summary: the Z of the comparison closest to its boundary. */
    @Column(name = "observed_z")
    public Double observedZ;

    @Column(name = "comparison_arm")
    public String comparisonArm;

    @Enumerated(EnumType.STRING)
    public MonitoringDecision decision;
}
