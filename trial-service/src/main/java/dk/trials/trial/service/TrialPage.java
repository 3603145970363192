package dk.trials.trial.service;

import dk.trials.trial.Trial;

import java.util.List;

/** One page of a listing and how many trials match in all. */
public record TrialPage(List<Trial> trials, long total) {
}
