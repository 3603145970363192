-- The estimate history is stored as its own versioned document (dk.trials.outcome.EstimateDocument). Rows written
-- before it was versioned have exactly the shape of version 1: stamp them so every row names its shape.
update estimate_snapshot
set body = jsonb_set(body, '{schemaVersion}', '1'::jsonb)
where body -> 'schemaVersion' is null;

-- A trial event that occurred before the one applied last is older and must not overwrite it (the rule
-- enrolment-service keeps too). Null on plans learned before: the next event, of any age, applies.
alter table trial_plan add column event_occurred_at timestamptz;

-- Columns kept for the record only: written, never read by the analysis.
comment on column trial_plan.updated_at is 'Audit: when outcome-service last applied a trial event to the plan.';
comment on column trial_plan.design_hash is 'Audit: SHA-256 of the design the plan was taken from.';
comment on column trial_plan.event_occurred_at is 'When the trial event applied last occurred; older events are skipped.';
comment on column participant.stratum is 'Audit: the randomisation stratum enrolment-service allocated in.';
comment on column participant.withdrawn_on is 'Audit: intention to treat keeps a withdrawn participant in the analysis.';
comment on column outcome.reason is 'Audit: the rule a REJECTED outcome broke.';
comment on column monitoring_look.taken_at is 'Audit: the instant the look was taken; the analysis reads taken_on.';
comment on column estimate_snapshot.body is 'dk.trials.outcome.EstimateDocument as JSON; schemaVersion names its shape.';
