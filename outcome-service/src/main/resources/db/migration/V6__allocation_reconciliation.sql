-- Issue 10, item 7: outcome-service checks its participants against enrolment-service's allocation checkpoints.
-- Each participant keeps its enrolment number within the trial (null: enrolled before numbers were published), so
-- that it can be counted up to a checkpoint's number. Not unique: a doubled number is what a reconciliation names.
alter table participant add column sequence bigint;
create index participant_by_sequence on participant (trial_id, sequence);
comment on column participant.sequence is 'enrolment-service''s enrolment number within the trial (ParticipantEnrolled.sequence).';

-- The latest reconciliation of each trial: the checkpoint as published, what outcome-service counted up to its
-- number, and the participants that differ (the first 100 named; the counts say how many there are).
create table trial_reconciliation (
    trial_id           uuid        primary key,
    up_to_sequence     bigint      not null,
    published_at       timestamptz not null,
    checked_at         timestamptz not null,
    expected_per_arm   jsonb       not null,
    counted_per_arm    jsonb       not null,
    expected_withdrawn bigint      not null,
    counted_withdrawn  bigint      not null,
    unsequenced        bigint      not null,
    missing_count      bigint      not null,
    missing_sequences  bigint[]    not null,
    extra_count        bigint      not null,
    extra_enrolments   uuid[]      not null,
    consistent         boolean     not null
);
create index trial_reconciliation_inconsistent on trial_reconciliation (trial_id) where not consistent;
