-- Audit of dead-letter replays (dk.trials.platform.deadletter.DeadLetters): who replayed which record, when, and
-- what came of it. Numbered in the platform's V0_x range; services set quarkus.flyway.out-of-order=true so that an
-- existing database, which has the service's own V1..Vn applied already, takes it too.
create table dead_letter_replay (
    id                    bigserial   primary key,
    replayed_at           timestamptz not null,
    replayed_by           text        not null,
    topic                 text,
    record_partition      integer     not null,
    record_offset         bigint      not null,
    dead_letter_topic     text        not null,
    dead_letter_partition integer     not null,
    dead_letter_offset    bigint      not null,
    event_id              text,
    result                text        not null,
    reason                text
);
comment on table dead_letter_replay is 'Audit: one row per replay of a dead-lettered record; written, never read by the service.';
