-- A row the broker keeps refusing (e.g. a record over its size limit) is parked after trials.outbox.max-attempts
-- instead of blocking the relay; later rows of the same key (the trial) wait behind it, other trials' rows do not.
-- Numbered in the platform's V0_x range; services set quarkus.flyway.out-of-order=true so that an existing database,
-- which has the service's own V1..Vn applied already, takes it too.
alter table outbox_event add column attempts   integer not null default 0;
alter table outbox_event add column last_error text;
alter table outbox_event add column parked_at  timestamptz;

-- The rows that hold back their key: few, so a partial index keeps the relay's "nothing troubled before me" check cheap.
create index outbox_event_troubled_idx on outbox_event (message_key, id) where attempts > 0 or parked_at is not null;
