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
import java.util.UUID;

/**
 * The audit trail of formal looks: each look taken (who asked, why, its hash) and each committee member's sign-off
 * of a look's report (who, when, the committee's decision, and the hash of the report they signed). Never changed.
 */
@Entity
@Table(name = "look_audit")
public class LookAuditEntry extends PanacheEntityBase {

    public enum Action {
        TAKEN,
        SIGNED_OFF
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trial_id")
    public UUID trialId;

    public int look;

    @Enumerated(EnumType.STRING)
    public Action action;

    /** {@code schedule}, or the subject of the token that asked for the look or signed it off. */
    public String actor;

    public Instant at;

    public String sha256;

    /** Why the look was asked for (TAKEN). */
    public String reason;

    /** What the committee decided (SIGNED_OFF). */
    @Enumerated(EnumType.STRING)
    @Column(name = "committee_decision")
    public CommitteeDecision committeeDecision;

    public String comment;
}
