-- A trial and its design. The design is one JSON document so that it can be hashed, frozen and published whole;
-- status and type are columns because lists filter on them.
create table trial (
    id          uuid        primary key,
    status      text        not null,
    type        text        not null,
    title       text        not null,
    design      jsonb       not null,
    design_hash text,
    planned_events integer,
    created_by  text        not null,
    created_at  timestamptz not null,
    updated_by  text        not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);

create index trial_status_idx on trial (status);
create index trial_jobcentres_idx on trial using gin ((design -> 'jobcentres'));
