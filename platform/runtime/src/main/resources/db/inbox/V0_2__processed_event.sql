-- Duplicate detection for consumed events: the event id is inserted in the same transaction as the
-- consumer's effect, so a redelivered event finds its id here and has no second effect.
create table processed_event (
    event_id     uuid        primary key,
    type         text        not null,
    processed_at timestamptz not null default now()
);
