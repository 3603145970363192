-- Every counted outcome writes its participant's end of follow-up (ended_day, ended_by_job_exit), and a bulk file
-- of a register names each participant about once: each batch rewrites every row on the participants' pages in one
-- transaction. At fillfactor 70 a page of about 30 rows has room for about 12 new versions, so more than half of
-- those updates left the page and inserted into all three of the table's indexes (measured: 281,400 of 630,000
-- updates HOT, bench/README.md). At 45 a page of about 19 rows has room for a new version of each of them.
-- Pages written from now on keep the room; pages already written keep their fill until the table is rewritten
-- (VACUUM FULL or pg_repack in a maintenance window).
alter table participant set (fillfactor = 45);
