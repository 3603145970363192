package dk.trials.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Audit record of one read of participant-level data: who read what, when. Written on every such read and never read
 * by the service: it is there for the auditor. It names enrolments by id only, never by CPR number or pseudonym.
 */
@Entity
@Table(name = "participant_data_read")
public class ParticipantDataRead extends PanacheEntityBase {

    /** What was read. */
    public enum Subject {
        /** One enrolment, with its allocation and withdrawal. */
        ENROLMENT,
        /** The export of a trial's allocation log: every participant's allocation. */
        ALLOCATION_LOG
    }

    @Id
    public UUID id;

    @Column(name = "trial_id")
    public UUID trialId;

    @Enumerated(EnumType.STRING)
    public Subject subject;

    /** The enrolment read; null for an export of many. */
    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    /** How many participants the answer named. */
    public int participants;

    @Column(name = "read_by")
    public String readBy;

    @Column(name = "read_at")
    public Instant readAt;
}
