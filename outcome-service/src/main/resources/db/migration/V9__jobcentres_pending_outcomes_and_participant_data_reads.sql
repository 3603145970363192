-- Outcomes a jobcentre reported for someone who is not (yet) its participant wait, capped per jobcentre and deleted
-- after trials.outcomes.pending.expire-after: counted and found by jobcentre and age.
create index outcome_pending_by_jobcentre on outcome (reported_by_jobcentre, received_at)
    where status = 'PENDING_ENROLMENT' and reported_by_jobcentre is not null;

-- Every read of participant-level data (who, what, when, how many records), appended and never changed. It names
-- the trial and the operation, never a citizen: no CPR number, no pseudonym.
create table participant_data_read (
    id         bigint generated always as identity primary key,
    read_at    timestamptz not null,
    reader     text        not null,
    operation  text        not null,
    trial_id   uuid        not null,
    records    integer     not null
);
create index participant_data_read_by_trial on participant_data_read (trial_id, read_at);
