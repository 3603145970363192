-- The ends of follow-up by enrolment date and day, which estimates at an earlier asOf and formal looks read, are
-- summed from participant (ended_day, ended_by_job_exit, enrolled_on), which every counted outcome writes anyway.
-- follow_up_count held the same figures a second time: at a million participants nearly one cell per participant,
-- and its upsert took about a quarter of a bulk ingest's database time (bench/README.md, 2 December).
drop table follow_up_count;
