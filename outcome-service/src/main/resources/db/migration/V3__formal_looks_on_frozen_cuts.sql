-- Issue 9: formal looks on frozen data cuts, signed off by a data monitoring committee.

-- A trial's monitoring plan as the design froze it, taken apart into columns, with what the sequential monitor
-- needs besides: the arms' allocation weights, each comparison's planned events, alpha and beta. Plans learned
-- before this migration have them null and read as the legacy plan until their next trial event.
alter table trial_plan
    add column allocation_weights               integer[],
    add column comparison_planned_events        integer[],
    add column enrolment_start                  date,
    add column family_wise_alpha                double precision,
    add column beta                             double precision,
    add column legacy_monitoring_plan           boolean,
    add column information_fractions            double precision[],
    add column spending_family                  text,
    add column spending_gamma                   double precision,
    add column futility_method                  text,
    add column futility_beta_spending           text,
    add column futility_gamma                   double precision,
    add column futility_conditional_power_below double precision,
    add column reporting_lag_days               integer,
    add column look_time                        time;

-- A formal look now freezes its inputs (the follow-up tables at its cut, the rules, the prior looks) and its result
-- as canonical JSON text, exactly the bytes its SHA-256 covers (text, not jsonb: jsonb would reorder and reformat).
-- The summary columns of the first looks (events .. decision) stay filled, for the record and the estimates.
alter table monitoring_look
    add column cut_date         date,
    add column frozen           boolean          not null default false,
    add column requested_by     text,
    add column reason           text,
    add column final_look       boolean          not null default false,
    add column information_rate double precision,
    add column crossed_arms     text[]           not null default '{}',
    add column futile_arms      text[]           not null default '{}',
    add column inputs           text,
    add column result           text,
    add column sha256           text;

-- The looks taken before this migration were taken by the 1-second refresh on live data, without a frozen cut:
-- they stay as history (they spent alpha), marked as what they were.
update monitoring_look
set information_rate = information_fraction,
    requested_by     = 'rolling-refresh',
    reason           = 'Taken on live data by the rolling refresh, before looks on frozen data cuts existed',
    final_look       = information_fraction >= 1,
    crossed_arms     = case when decision = 'EFFICACY_BOUNDARY_CROSSED' and comparison_arm is not null
                            then array[comparison_arm] else '{}' end;
alter table monitoring_look alter column information_rate set not null;
alter table monitoring_look add constraint monitoring_look_frozen_has_its_inputs
    check (not frozen or (cut_date is not null and inputs is not null and result is not null and sha256 is not null));

comment on column monitoring_look.frozen is 'False for the legacy looks taken on live data before frozen cuts.';
comment on column monitoring_look.inputs is 'dk.trials.outcome.LookInputs as canonical JSON: hashed as stored.';
comment on column monitoring_look.result is 'dk.trials.outcome.LookResult as canonical JSON: hashed as stored.';

-- The audit trail of looks: who took each look and why, and each committee member's sign-off of a report by its hash.
create table look_audit (
    id                 bigint generated always as identity primary key,
    trial_id           uuid        not null,
    look               integer     not null,
    action             text        not null,
    actor              text        not null,
    at                 timestamptz not null,
    sha256             text        not null,
    reason             text,
    committee_decision text,
    comment            text
);
create index look_audit_by_look on look_audit (trial_id, look, id);

-- Bulk files being loaded: a look waits until its trial has none, so it never sees part of a file. Kept in the
-- database so that every replica sees every replica's uploads; an entry not kept alive by its upload (a crashed
-- process) expires.
create table upload_in_flight (
    id         uuid        primary key,
    trial_id   uuid        not null,
    started_at timestamptz not null,
    alive_at   timestamptz not null
);
create index upload_in_flight_by_trial on upload_in_flight (trial_id);

-- The schedule's check of each trial on each day, once across replicas: whether a look was due and which was taken.
create table scheduled_look_check (
    trial_id   uuid        not null,
    day        date        not null,
    checked_at timestamptz not null,
    look       integer,
    primary key (trial_id, day)
);

-- outcome-service now publishes (looks that cross or flag futility, on monitoring-events) through the shared
-- transactional outbox: its table comes from platform/runtime's db/outbox migrations (out of order on a database
-- that predates them).
