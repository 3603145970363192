package dk.trials.trial.service;

import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.problem.ProblemException;
import dk.trials.trial.AuditAction;
import dk.trials.trial.Design;
import dk.trials.trial.SampleSize;
import dk.trials.trial.Trial;
import dk.trials.trial.messaging.TrialEventPublisher;
import dk.trials.trial.service.power.SampleSizeCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates and edits trial designs and moves trials through their lifecycle, auditing and publishing each step. */
@ApplicationScoped
public class TrialService {

    private final DesignValidator validator;
    private final DesignHasher hasher;
    private final SampleSizeCalculator sampleSizes;
    private final AuditTrail audit;
    private final TrialEventPublisher events;
    private final EntityManager entityManager;
    private final Clock clock;

    public TrialService(DesignValidator validator, DesignHasher hasher, SampleSizeCalculator sampleSizes,
                        AuditTrail audit, TrialEventPublisher events, EntityManager entityManager, Clock clock) {
        this.validator = validator;
        this.hasher = hasher;
        this.sampleSizes = sampleSizes;
        this.audit = audit;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Trial create(Design sent, String by) {
        Design design = DesignDefaults.apply(sent);
        validator.requireValid(design);
        Trial trial = new Trial();
        trial.id = UUID.randomUUID();
        trial.status = TrialStatus.DRAFT;
        trial.replaceDesign(design);
        trial.createdBy = by;
        trial.createdAt = clock.instant();
        trial.updatedBy = by;
        trial.updatedAt = trial.createdAt;
        trial.persist();
        audit.record(trial, AuditAction.CREATED, null, null, null);
        return trial;
    }

    public Trial get(UUID id) {
        return Trial.<Trial>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No trial " + id));
    }

    /** Newest first; trials created in the same instant are ordered by id, so pages never overlap or skip. */
    @SuppressWarnings("unchecked")
    public TrialPage list(TrialQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> parameters = new HashMap<>();
        if (query.status() != null) {
            where.append(" and status = :status");
            parameters.put("status", query.status().name());
        }
        if (query.type() != null) {
            where.append(" and type = :type");
            parameters.put("type", query.type().name());
        }
        if (query.jobcentre() != null) {
            // Containment (@>) is what the GIN index on the jobcentres array answers.
            where.append(" and design -> 'jobcentres' @> jsonb_build_array(cast(:jobcentre as text))");
            parameters.put("jobcentre", query.jobcentre());
        }
        Query count = entityManager.createNativeQuery("select count(*) from trial" + where);
        Query page = entityManager.createNativeQuery("select * from trial" + where + " order by created_at desc, id", Trial.class)
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        return new TrialPage(page.getResultList(), ((Number) count.getSingleResult()).longValue());
    }

    @Transactional
    public Trial edit(UUID id, Design sent, String by) {
        Trial trial = locked(id);
        if (trial.status != TrialStatus.DRAFT) {
            throw ProblemException.conflict("Trial " + id + " is " + trial.status
                    + "; only a DRAFT design can be edited, an opened one only amended");
        }
        Design design = DesignDefaults.apply(sent);
        validator.requireValid(design);
        Design before = trial.design;
        trial.replaceDesign(design);
        touch(trial, by);
        List<String> changed = DesignChanges.fields(before, design);
        audit.record(trial, AuditAction.EDITED, trial.status, before,
                changed.isEmpty() ? "nothing changed" : "changed " + String.join(", ", changed));
        return trial;
    }

    @Transactional
    public Trial transition(UUID id, TrialLifecycle step, String by) {
        Trial trial = locked(id);
        if (!step.allowedFrom(trial.status)) {
            throw ProblemException.conflict("Trial " + id + " is " + trial.status + " and cannot "
                    + step.name().toLowerCase() + " from there");
        }
        TrialStatus before = trial.status;
        if (step == TrialLifecycle.OPEN) {
            freeze(trial);
        }
        trial.status = step.target();
        touch(trial, by);
        audit.record(trial, step.auditAction(), before, trial.design, null);
        events.publish(step.event(), trial);
        return trial;
    }

    /**
     * Opening fixes the design: a draft stored before monitoring plans existed gets the default plan, then it is
     * checked once more against today's rules, hashed, and its power calculation under that plan stored, so the
     * planned events that monitoring divides by never move.
     */
    private void freeze(Trial trial) {
        trial.replaceDesign(DesignDefaults.apply(trial.design));
        validator.requireValid(trial.design);
        trial.designHash = hasher.hash(trial.design);
        if (trial.design.power() != null) {
            trial.sampleSize = sampleSizes.plan(trial.design.power(), trial.design.arms(), trial.design.monitoringPlan());
            trial.plannedEvents = trial.sampleSize.events();
        }
    }

    /**
     * The trial's power calculation: an opened trial shows the one it was frozen with, a draft what its current
     * assumptions need under the plan it would open with; null without power assumptions.
     */
    public SampleSize sampleSize(Trial trial) {
        if (trial.status == TrialStatus.DRAFT && trial.design.power() != null) {
            Design design = DesignDefaults.apply(trial.design);
            return sampleSizes.plan(design.power(), design.arms(), design.monitoringPlan());
        }
        return trial.sampleSize;
    }

    /**
     * The plan the trial is, or as a draft would be, monitored by; for a trial opened before plans existed the legacy
     * classic plan (see {@link #monitoredByLegacyPlan}); null for a design that is not randomised.
     */
    public Design.MonitoringPlan monitoringPlan(Trial trial) {
        if (monitoredByLegacyPlan(trial)) {
            return Design.MonitoringPlan.legacy();
        }
        return trial.status == TrialStatus.DRAFT ? DesignDefaults.apply(trial.design).monitoringPlan()
                : trial.design.monitoringPlan();
    }

    /** Whether the trial was opened before monitoring plans existed: its frozen design names none. */
    public static boolean monitoredByLegacyPlan(Trial trial) {
        return trial.status != TrialStatus.DRAFT && trial.design.type().randomised() && trial.design.monitoringPlan() == null;
    }

    /** Steps on one trial are serialised by its row lock, so their events are committed, and relayed, in order. */
    Trial locked(UUID id) {
        return Trial.<Trial>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("No trial " + id));
    }

    /** Marks the trial as changed now by {@code by}. */
    void touch(Trial trial, String by) {
        trial.updatedBy = by;
        trial.updatedAt = clock.instant();
    }
}
