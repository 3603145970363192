-- Trials as learned from trial-events: the latest snapshot (status and frozen design) of each.
create table known_trial (
    id          uuid        primary key,
    status      text        not null,
    snapshot    jsonb       not null,
    updated_at  timestamptz not null
);

-- One allocation per citizen and trial, enforced here: the participant is the keyed CPR pseudonym, never the CPR.
create table enrolment (
    id                uuid        primary key,
    trial_id          uuid        not null references known_trial (id),
    participant       text        not null,
    arm               text        not null,
    jobcentre         text        not null,
    stratum           text        not null,
    enrolled_at       timestamptz not null,
    enrolled_on       date        not null,
    imported          boolean     not null,
    enrolled_by       text        not null,
    withdrawn_on      date,
    withdrawal_reason text,
    withdrawn_by      text,
    withdrawn_at      timestamptz,
    constraint enrolment_once_per_trial unique (trial_id, participant)
);

-- The allocation state behind one lock: a stratum's current block (permuted blocks) or a trial's marginal counts
-- (minimisation). Allocations under one key are serialised by locking this row.
create table allocation_sequence (
    trial_id    uuid   not null references known_trial (id),
    lock_key    text   not null,
    allocations bigint not null,
    state       jsonb  not null,
    primary key (trial_id, lock_key)
);

-- The decision log: everything needed to replay an allocation (state before, the random draws) beside its result.
create table allocation_decision (
    enrolment_id uuid        primary key references enrolment (id),
    trial_id     uuid        not null,
    lock_key     text,
    position     bigint      not null,
    method       text        not null,
    stratum      text        not null,
    levels       jsonb       not null,
    state_before jsonb       not null,
    draws        jsonb       not null,
    arm          text        not null,
    decided_at   timestamptz not null
);

create index allocation_decision_trial_idx on allocation_decision (trial_id, lock_key, position);

-- Audit of migration imports: who took over how many allocations, when.
create table enrolment_import (
    id               uuid        primary key,
    trial_id         uuid        not null references known_trial (id),
    imported_by      text        not null,
    imported_at      timestamptz not null,
    submitted        integer     not null,
    imported         integer     not null,
    already_enrolled integer     not null
);
