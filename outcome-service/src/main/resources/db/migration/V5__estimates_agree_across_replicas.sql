-- Issue 10, item 5: every replica serves the same estimates. Each trial's figures carry a change number, raised as
-- the last statement of every transaction that moves them (an enrolment, an outcome counted, a trial event applied,
-- a look taken), so a replica serves its cached figures only while they are of the number the database holds.
create table estimate_version (
    trial_id uuid   primary key,
    version  bigint not null
);
comment on table estimate_version is 'Per trial: how many committed transactions have moved its estimates.';

-- Which change number today's DAILY point of the history holds, so that the replica recording the history (one at a
-- time, under an advisory lock) records a trial again only when its figures moved, whichever replica recorded last.
create table estimate_recorded (
    trial_id uuid   primary key,
    as_of    date   not null,
    version  bigint not null
);
comment on table estimate_recorded is 'Per trial: the day and change number of the DAILY estimate_snapshot recorded last.';

-- Trials known before this migration start at change 1; nothing is recorded at it yet, so each is recorded afresh.
insert into estimate_version (trial_id, version) select id, 1 from trial_plan;
