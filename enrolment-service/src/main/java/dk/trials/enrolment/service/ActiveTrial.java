package dk.trials.enrolment.service;

import dk.trials.enrolment.TrialDocument;
import dk.trials.enrolment.service.allocation.Allocator;
import dk.trials.enrolment.service.allocation.Allocators;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.events.trial.TrialStatus;

import java.util.List;
import java.util.UUID;

/** A known trial ready for the hot path: its status and design with the allocator and factors worked out once. */
public record ActiveTrial(UUID id, TrialStatus status, TrialDocument design, Allocator<?> allocator,
                          List<StratificationFactor> factors) {

    /** Throws {@link IllegalArgumentException} for a design that cannot be randomised. */
    public static ActiveTrial of(UUID id, TrialStatus status, TrialDocument design) {
        return new ActiveTrial(id, status, design, Allocators.forDesign(design),
                StratumKey.factors(design.randomisation()));
    }

    public List<String> levels(ParticipantProfile profile) {
        return StratumKey.levels(factors, design.randomisation().ageBands(), profile);
    }

    public boolean hasJobcentre(String jobcentre) {
        return design.jobcentres().contains(jobcentre);
    }

    public boolean hasArm(String arm) {
        return design.arms().stream().anyMatch(a -> a.code().equals(arm));
    }
}
