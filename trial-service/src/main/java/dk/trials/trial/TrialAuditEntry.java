package dk.trials.trial;

import dk.trials.events.trial.TrialStatus;
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
import java.util.List;
import java.util.UUID;

/** One change to a trial, as the audit trail keeps it: who, when, what, and the design's hash before and after. */
@Entity
@Table(name = "trial_audit")
public class TrialAuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trial_id")
    public UUID trialId;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    public String actor;

    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before")
    public TrialStatus statusBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after")
    public TrialStatus statusAfter;

    @Column(name = "design_hash_before")
    public String designHashBefore;

    @Column(name = "design_hash_after")
    public String designHashAfter;

    /** What changed, in words: the fields of an edit, the number of an amendment. */
    public String detail;

    /** The design's warnings after the change; null on an entry written before warnings were recorded. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<DesignWarning> warnings;

    public static List<TrialAuditEntry> of(UUID trialId) {
        return list("trialId = ?1 order by id", trialId);
    }
}
