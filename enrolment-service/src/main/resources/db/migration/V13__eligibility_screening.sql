-- The citizens found not eligible for a trial, for the top of its CONSORT flow (issue 13): assessed for eligibility,
-- excluded with reasons. One row per citizen and trial, by the citizen pseudonym enrolment uses (never a CPR number,
-- never published), so that a jobcentre asking again counts once and a citizen enrolled later is no longer excluded.
-- reasons are those of the latest refusal. Working state: a refusal again replaces them.
create table eligibility_screening (
    trial_id    uuid        not null references known_trial (id),
    citizen     text        not null,
    reasons     text[]      not null check (cardinality(reasons) > 0),
    screened_at timestamptz not null,
    primary key (trial_id, citizen)
);

-- What the trial's last checkpoint published of it, so that a change of the counts alone makes a checkpoint due.
alter table allocation_checkpoint add column excluded bigint;
alter table allocation_checkpoint add column excluded_by_reason jsonb;
