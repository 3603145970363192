-- The outbox is a queue: every row is inserted, sent within moments and deleted, hundreds a second at peak. With the
-- default thresholds (20 % of the table) autovacuum came after tens of thousands of deletes: 32 live rows in 3,774
-- pages after a benchmark, every dead one in the way of the relay's read of the next rows.
-- Vacuum it after a fixed number of dead rows instead, without the cost-based pauses.
alter table outbox_event set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                              autovacuum_vacuum_cost_delay = 0);
