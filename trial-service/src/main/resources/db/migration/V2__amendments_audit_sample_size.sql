-- The sample size computed when the trial opened, and how many amendments it has had since.
alter table trial add column sample_size jsonb;
alter table trial add column amendments integer not null default 0;

-- Listing filters on status, type and jobcentre (the GIN index of V1) and pages newest first.
create index trial_type_idx on trial (type);
create index trial_created_idx on trial (created_at desc, id);

-- An amendment of an opened trial: numbered per trial, with its reason and what it changed. Never updated.
create table trial_amendment (
    id                          uuid        primary key,
    trial_id                    uuid        not null references trial (id),
    number                      integer     not null,
    reason                      text        not null,
    added_jobcentres            jsonb       not null,
    enrolment_period_end_before date        not null,
    enrolment_period_end        date        not null,
    planned_participants_before integer     not null,
    planned_participants        integer     not null,
    design_hash_before          text        not null,
    design_hash_after           text        not null,
    amended_by                  text        not null,
    amended_at                  timestamptz not null,
    unique (trial_id, number)
);

-- Every change to a trial: who, when, what, and the SHA-256 of its design before and after. Append-only.
create table trial_audit (
    id                 bigint      generated always as identity primary key,
    trial_id           uuid        not null references trial (id),
    action             text        not null,
    actor              text        not null,
    at                 timestamptz not null,
    status_before      text,
    status_after       text        not null,
    design_hash_before text,
    design_hash_after  text        not null,
    detail             text
);

create index trial_audit_trial_idx on trial_audit (trial_id, id);
