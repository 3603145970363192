-- Transactional outbox: an event is written here in the same transaction as the business change
-- and relayed to Kafka afterwards (see dk.trials.contracts.outbox.OutboxRelay).
create table outbox_event (
    id          bigserial   primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    type        text        not null,
    envelope    text        not null,
    created_at  timestamptz not null default now()
);
