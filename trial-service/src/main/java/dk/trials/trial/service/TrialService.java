package dk.trials.trial.service;

import dk.trials.contracts.events.trial.TrialDesign;
import dk.trials.contracts.events.trial.TrialStatus;
import dk.trials.contracts.problem.ProblemException;
import dk.trials.trial.Trial;
import dk.trials.trial.messaging.TrialEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates and edits trial designs and moves trials through their lifecycle, publishing each step. */
@ApplicationScoped
public class TrialService {

    private final DesignValidator validator;
    private final DesignHasher hasher;
    private final TrialEventPublisher events;

    public TrialService(DesignValidator validator, DesignHasher hasher, TrialEventPublisher events) {
        this.validator = validator;
        this.hasher = hasher;
        this.events = events;
    }

    @Transactional
    public Trial create(TrialDesign design, String by) {
        validator.requireValid(design);
        Trial trial = new Trial();
        trial.id = UUID.randomUUID();
        trial.status = TrialStatus.DRAFT;
        trial.replaceDesign(design);
        trial.createdBy = by;
        trial.updatedBy = by;
        trial.createdAt = Instant.now();
        trial.updatedAt = trial.createdAt;
        trial.persist();
        return trial;
    }

    public Trial get(UUID id) {
        return Trial.<Trial>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No trial " + id));
    }

    public List<Trial> list() {
        return Trial.listAll(io.quarkus.panache.common.Sort.by("createdAt").descending());
    }

    @Transactional
    public Trial edit(UUID id, TrialDesign design, String by) {
        Trial trial = locked(id);
        if (trial.status != TrialStatus.DRAFT) {
            throw ProblemException.conflict("Trial " + id + " is " + trial.status + "; only a DRAFT design can be edited");
        }
        validator.requireValid(design);
        trial.replaceDesign(design);
        touch(trial, by);
        return trial;
    }

    @Transactional
    public Trial transition(UUID id, TrialLifecycle step, String by) {
        Trial trial = locked(id);
        if (!step.allowedFrom(trial.status)) {
            throw ProblemException.conflict("Trial " + id + " is " + trial.status + " and cannot "
                    + step.name().toLowerCase() + " from there");
        }
        if (step == TrialLifecycle.OPEN) {
            trial.designHash = hasher.hash(trial.design);
        }
        trial.status = step.target();
        touch(trial, by);
        events.publish(step.event(), trial);
        return trial;
    }

    /** Steps on one trial are serialised by its row lock, so their events are committed, and relayed, in order. */
    private Trial locked(UUID id) {
        return Trial.<Trial>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("No trial " + id));
    }

    private static void touch(Trial trial, String by) {
        trial.updatedBy = by;
        trial.updatedAt = Instant.now();
    }
}
