-- Issue 10, item 7: each enrolment is numbered within its trial (1, 2, 3 ... without gaps, in commit order), so that an
-- allocation checkpoint can count "the enrolments up to number n" and a consumer can count the same ones.
alter table enrolment add column sequence bigint;
comment on column enrolment.sequence is 'The enrolment''s number within its trial; published as ParticipantEnrolled.sequence.';

-- Enrolments made before numbers existed are numbered in the order they were made (their events carried no number).
update enrolment e set sequence = n.number
from (select id, row_number() over (partition by trial_id order by enrolled_at, id) as number from enrolment) n
where e.id = n.id;
-- Null only inside an import's transaction, between an enrolment's insert and its numbering.
create unique index enrolment_number_once on enrolment (trial_id, sequence);

-- The last number given in each trial. An enrolment takes the next one by updating this row, which it keeps locked
-- until it commits: numbers commit in order, so whoever sees number n committed sees 1 to n committed as well.
create table enrolment_number (
    trial_id uuid   primary key references known_trial (id),
    last     bigint not null
);
insert into enrolment_number (trial_id, last) select trial_id, max(sequence) from enrolment group by trial_id;

-- The checkpoint published last for each trial: the next one is due once there are newer enrolments or withdrawals.
create table allocation_checkpoint (
    trial_id       uuid        primary key references known_trial (id),
    up_to_sequence bigint      not null,
    withdrawn      bigint      not null,
    published_at   timestamptz not null
);
