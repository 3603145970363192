-- Issue 11: every read of participant-level data (an enrolment, the allocation log export) leaves a row: who read
-- what, when. It names the trial and, for a single participant, the enrolment id: never a CPR number or pseudonym.
create table participant_data_read (
    id           uuid        primary key,
    trial_id     uuid        not null,
    -- ENROLMENT or ALLOCATION_LOG (dk.trials.enrolment.ParticipantDataRead.Subject).
    subject      text        not null,
    enrolment_id uuid,
    -- How many participants the answer named: 1 for an enrolment, the entries of an export.
    participants integer     not null,
    read_by      text        not null,
    read_at      timestamptz not null
);

create index participant_data_read_trial_idx on participant_data_read (trial_id, read_at);

comment on table participant_data_read is 'Audit: one row per read of participant-level data; never updated.';
