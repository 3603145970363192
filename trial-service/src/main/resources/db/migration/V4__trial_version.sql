-- Numbers each trial's events so that consumers apply them in order whatever the clocks of trial-service's replicas
-- say: incremented under the trial's row lock for every trial event published, so the first event is 1. A draft, and
-- a trial whose events were all published before this column existed, stands at 0; its next event is 1, which
-- consumers apply over any state an unversioned event left (dk.trials.events.trial.TrialEventOrder).
alter table trial add column trial_version bigint not null default 0;

comment on column trial.trial_version is 'Number of the latest trial event published for the trial; 0 before any.';
