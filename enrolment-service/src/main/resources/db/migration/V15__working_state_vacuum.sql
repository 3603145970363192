-- Working state that churns: the queue of enrolments waiting for their numbers (inserted and deleted at the rate of
-- enrolment), each allocation sequence's row (rewritten at every allocation of its stratum or minimised trial) and each
-- trial's number row (at every numbering round). After a benchmark, 594 queued rows took 1,623 index pages and 174
-- sequences 1,168 pages: autovacuum at its default 20 % came long after the dead rows it should clear.
alter table unnumbered_enrolment set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                                      autovacuum_vacuum_cost_delay = 0);
-- Room on each page for new versions of its rows, so that a rewrite stays on its page (a HOT update, no index entry).
alter table allocation_sequence set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,
                                     autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);
alter table enrolment_number set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,
                                  autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);
