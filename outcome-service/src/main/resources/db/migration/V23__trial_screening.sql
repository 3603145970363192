-- The top of each trial's CONSORT flow (issue 13): the citizens enrolment-service assessed for eligibility and
-- excluded, with reasons, as its latest allocation checkpoint counted them. Counts only, never a citizen. Working
-- state: each newer checkpoint replaces the row.
create table trial_screening (
    trial_id           uuid        primary key,
    allocated          bigint      not null check (allocated >= 0),
    excluded           bigint      not null check (excluded >= 0),
    excluded_by_reason jsonb       not null,
    counted_at         timestamptz not null
);
