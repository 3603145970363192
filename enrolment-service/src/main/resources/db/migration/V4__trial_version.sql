-- The trialVersion of the trial event applied last: trial-service numbers each trial's events under the trial's row
-- lock, and only an event with a greater number is newer (dk.trials.events.trial.TrialEventOrder), whatever the
-- clocks of its replicas said in occurredAt. Null on trials only unversioned events (published before the number
-- existed) have described; the first versioned event replaces them.
alter table known_trial add column trial_version bigint;

comment on column known_trial.trial_version is 'trialVersion of the trial event applied last; null if it carried none.';
