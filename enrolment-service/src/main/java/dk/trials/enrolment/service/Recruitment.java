package dk.trials.enrolment.service;

import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.TrialStatus;
import dk.trials.sequential.SampleRatioMismatch;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recruitment so far. {@code byArm} is null ({@code armCountsConcealed}) where arm counts could reveal upcoming
 * allocations: per stratum and per jobcentre while the trial can still enrol, and everywhere for block and
 * minimisation designs while it can still enrol.
 */
public record Recruitment(UUID trialId, TrialStatus status, RandomisationMethod method, long participants,
                          long withdrawn, long imported, boolean armCountsConcealed, Map<String, Long> byArm,
                          SampleRatioMismatch sampleRatioMismatch, List<Group> byJobcentre, List<Group> byStratum) {

    /** Participants of one jobcentre or stratum; {@code sampleRatioMismatch} is null where it is not checked. */
    public record Group(String key, long participants, Map<String, Long> byArm, SampleRatioMismatch sampleRatioMismatch) {
    }
}
