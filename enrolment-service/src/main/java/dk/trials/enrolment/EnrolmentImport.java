package dk.trials.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Audit record of one migration import: who took over allocations from another list, when, and how many. Written once
 * per import and never read by the service: it is there for the auditor (and the tests that stand in for one).
 */
@Entity
@Table(name = "enrolment_import")
public class EnrolmentImport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "trial_id")
    public UUID trialId;

    @Column(name = "imported_by")
    public String importedBy;

    @Column(name = "imported_at")
    public Instant importedAt;

    public int submitted;

    public int imported;

    @Column(name = "already_enrolled")
    public int alreadyEnrolled;
}
