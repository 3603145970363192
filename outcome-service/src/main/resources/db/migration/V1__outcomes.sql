-- A trial as outcome-service learns it from trial-events: the arms, the control, the horizon and the events the
-- power calculation plans for (the denominator of the information fraction).
create table trial_plan (
    id             uuid        primary key,
    status         text        not null,
    arms           text[]      not null,
    control_arm    text        not null,
    horizon_days   integer     not null,
    planned_events integer,
    design_hash    text,
    updated_at     timestamptz not null
);

-- A participant as enrolment-service allocated them (intention to treat: the arm never changes, withdrawal keeps
-- them in). ended_day / ended_by_job_exit record the earliest terminal outcome counted in the aggregates.
create table participant (
    enrolment_id      uuid    primary key,
    trial_id          uuid    not null,
    pseudonym         text    not null,
    arm               text    not null,
    jobcentre         text    not null,
    stratum           text,
    enrolled_on       date    not null,
    withdrawn_on      date,
    ended_day         integer,
    ended_by_job_exit boolean,
    constraint participant_once_per_trial unique (trial_id, pseudonym)
) with (fillfactor = 70);  -- room on each page for HOT updates of ended_day (no index touched)

-- Every outcome reported, once per trial, source and source id. The CPR number is never stored: only its keyed
-- pseudonym. PENDING_ENROLMENT waits for the participant's enrolment event; REJECTED keeps the reason.
create table outcome (
    id                    bigint generated always as identity primary key,
    trial_id              uuid        not null,
    source                text        not null,
    source_id             text        not null,
    enrolment_id          uuid,
    pseudonym             text,
    type                  text        not null,
    occurred_on           date        not null,
    reported_by_jobcentre text,
    status                text        not null,
    reason                text,
    received_at           timestamptz not null default now(),
    constraint outcome_once unique (trial_id, source, source_id)
);
create index outcome_pending_by_pseudonym on outcome (trial_id, pseudonym) where status = 'PENDING_ENROLMENT';
create index outcome_pending_by_enrolment on outcome (trial_id, enrolment_id) where status = 'PENDING_ENROLMENT';
create index outcome_rejected on outcome (trial_id) where status = 'REJECTED';

-- The aggregates every estimate is computed from, updated in the transaction of each consumed event.
-- Participants enrolled per arm, jobcentre (the stratum of the stratified log-rank) and enrolment date, and how
-- many of them have a terminal outcome counted (on any day) ...
create table enrolment_count (
    trial_id     uuid    not null,
    arm          text    not null,
    jobcentre    text    not null,
    enrolled_on  date    not null,
    participants integer not null,
    ended        integer not null default 0,
    primary key (trial_id, arm, jobcentre, enrolled_on)
) with (fillfactor = 70);

-- ... and their earliest terminal outcome by day of follow-up. For any asOf, a participant enrolled on e whose
-- follow-up ended on day d counts at d if e + d <= asOf and d <= horizon, else is censored at min(asOf - e, horizon).
create table follow_up_count (
    trial_id    uuid    not null,
    arm         text    not null,
    jobcentre   text    not null,
    enrolled_on date    not null,
    day         integer not null,
    job_exits   integer not null,
    censorings  integer not null,
    primary key (trial_id, arm, jobcentre, enrolled_on, day)
) with (fillfactor = 70);

-- ... and the same ends by day of follow-up alone. For asOf = today every counted outcome lies on or before asOf
-- (outcomes in the future are refused), so today's figures need only this table and enrolment_count: rows grow with
-- days of follow-up and of enrolment, never with participants.
create table follow_up_day (
    trial_id    uuid    not null,
    arm         text    not null,
    jobcentre   text    not null,
    day         integer not null,
    job_exits   integer not null,
    censorings  integer not null,
    primary key (trial_id, arm, jobcentre, day)
) with (fillfactor = 50);

-- The figures over time: the rolling estimate of each day (replaced as the day goes on) and one per formal look.
create table estimate_snapshot (
    id                   bigint generated always as identity primary key,
    trial_id             uuid        not null,
    as_of                date        not null,
    kind                 text        not null,
    look                 integer,
    computed_at          timestamptz not null,
    body                 jsonb       not null
);
create unique index estimate_snapshot_daily on estimate_snapshot (trial_id, as_of) where kind = 'DAILY';
create index estimate_snapshot_history on estimate_snapshot (trial_id, as_of, id);

-- Formal group-sequential looks, frozen once taken: later boundaries depend on the fractions of earlier looks.
create table monitoring_look (
    id                   bigint generated always as identity primary key,
    trial_id             uuid             not null,
    look                 integer          not null,
    taken_on             date             not null,
    taken_at             timestamptz      not null,
    events               bigint           not null,
    information_fraction double precision not null,
    boundary_z           double precision not null,
    observed_z           double precision,
    comparison_arm       text,
    decision             text             not null,
    constraint monitoring_look_once unique (trial_id, look)
);
