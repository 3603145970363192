-- Progress of a bulk file named by its Upload-Id header (issue 13, item 6). Kept in the database, not in memory:
-- behind a load balancer the GET that asks may reach another replica than the one loading the file. Each row is
-- written in short transactions of its own as batches are counted, never in a batch's transaction, and a row not
-- updated for 24 hours is deleted when the next upload begins.
create table upload_progress (
    upload_id       text        primary key,
    trial_id        uuid        not null,
    started_by      text        not null,
    state           text        not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    lines_processed bigint      not null,
    accepted        bigint      not null,
    pending         bigint      not null,
    duplicate       bigint      not null,
    rejected        bigint      not null,
    started_at      timestamptz not null,
    updated_at      timestamptz not null,
    finished_at     timestamptz
);

create index upload_progress_updated_at on upload_progress (updated_at);
