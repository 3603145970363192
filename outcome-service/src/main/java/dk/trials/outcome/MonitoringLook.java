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

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A formal group-sequential look, frozen when taken: the boundaries of later looks depend on the information
 * fractions at which the earlier ones were taken.
 */
@Entity
@Table(name = "monitoring_look")
public class MonitoringLook extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trial_id")
    public UUID trialId;

    public int look;

    @Column(name = "taken_on")
    public LocalDate takenOn;

    /** Audit: the instant the look was taken; the analysis reads only {@code takenOn}. */
    @Column(name = "taken_at")
    public Instant takenAt;

    public long events;

    @Column(name = "information_fraction")
    public double informationFraction;

    @Column(name = "boundary_z")
    public double boundaryZ;

    @Column(name = "observed_z")
    public Double observedZ;

    @Column(name = "comparison_arm")
    public String comparisonArm;

    @Enumerated(EnumType.STRING)
    public MonitoringDecision decision;
}
