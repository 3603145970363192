-- Issue 11: a citizen who moves municipality is transferred to another jobcentre of the trial by an admin. The
-- allocation (the enrolment row, its jobcentre and stratum) never changes: each transfer is a row of its own, and the
-- jobcentre responsible for a participant is the one named by its latest transfer, or the enrolling one.
create table enrolment_transfer (
    id             uuid        primary key,
    enrolment_id   uuid        not null references enrolment (id),
    trial_id       uuid        not null references known_trial (id),
    -- 1, 2, 3 ... per enrolment: two transfers racing for the same number cannot both be recorded.
    number         integer     not null,
    from_jobcentre text        not null,
    to_jobcentre   text        not null,
    reason         text        not null,
    transferred_by text        not null,
    transferred_at timestamptz not null,
    constraint enrolment_transfer_once_per_number unique (enrolment_id, number)
);

comment on table enrolment_transfer is 'Audit and custody: one row per transfer of a participant to another jobcentre; never updated.';
comment on column enrolment_transfer.transferred_by is 'Audit: the admin token that transferred the participant.';
