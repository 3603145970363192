-- The first answer to a creating request sent with an Idempotency-Key (dk.trials.platform.idempotency.IdempotentRequests):
-- a retry with the same key, by the same caller, for the same operation gets it again instead of a second effect.
-- Numbered in the platform's V0_x range; services set quarkus.flyway.out-of-order=true so that an existing database,
-- which has the service's own V1..Vn applied already, takes it too.
create table idempotent_request (
    caller          text        not null,
    operation       text        not null,
    idempotency_key text        not null,
    -- A keyed digest of the request (it may hold CPR numbers): tells a retry from another request under the same key.
    request_hash    text        not null,
    -- Null only inside the transaction that runs the first request, which no other transaction sees.
    status          integer,
    location        text,
    body            text,
    created_at      timestamptz not null,
    primary key (caller, operation, idempotency_key)
);
comment on table idempotent_request is 'The first answer to each (caller, operation, Idempotency-Key), replayed to a retry.';
