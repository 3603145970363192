-- What the service's own role may do to each table (issue 11, item 8: append-only by the database). Flyway runs this
-- after every migrate, as the owner of the tables, so it covers every table, those of later migrations included.
-- The service connects as another role (the placeholder appRole: quarkus.datasource.username). It may read every
-- table and add rows to it, but change or delete rows only of the tables of working state listed below (projections
-- of other services' events, reported outcomes and their matching, aggregates, caches, queues): the formal looks,
-- their audit trail and sign-offs, the schedule's checks, the inbox and the replay audit stay as written, whatever
-- the service's code does. A new table is append-only for the service until it is listed here.
do $$
declare
    service_role  constant text   := '${appRole}';
    working_state constant text[] := array['trial_plan', 'participant', 'outcome', 'enrolment_count',
                                           'follow_up_day', 'estimate_snapshot', 'estimate_version',
                                           'estimate_recorded', 'upload_in_flight', 'upload_progress', 'trial_reconciliation',
                                           'outbox_event', 'idempotent_request', 'trial_screening'];
    t text;
begin
    -- Replicas migrate at once, and two transactions changing one table's grants together fail.
    perform pg_advisory_xact_lock(hashtext('trials: service role grants'));
    if service_role = current_user or exists (select 1 from pg_roles where rolname = service_role and rolsuper) then
        raise exception 'The service connects as %, which owns its tables or is a superuser: grants could not bind it. '
            'Connect as a role of its own (quarkus.datasource.username) and migrate as the owner (quarkus.flyway.username).',
            service_role;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), service_role);
    for t in select tablename from pg_tables where schemaname = current_schema() loop
        -- From nothing each time (column grants included), so a table moved off the list loses what it had.
        execute format('revoke all on table %I from %I', t, service_role);
        if t = 'flyway_schema_history' then
            execute format('grant select on table %I to %I', t, service_role);
        elsif t = any (working_state) then
            execute format('grant select, insert, update, delete on table %I to %I', t, service_role);
        else
            execute format('grant select, insert on table %I to %I', t, service_role);
        end if;
    end loop;
    execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), service_role);
end
$$;
