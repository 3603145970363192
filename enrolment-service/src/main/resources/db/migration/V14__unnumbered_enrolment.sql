-- Enrolments committed but not numbered yet (issue 14). An enrolment used to take its trial's enrolment_number row in
-- its own transaction and hold it through its commit, so that enrolments into one trial committed one at a time.
-- Now each enrolment commits with a row here instead, and EnrolmentNumbering numbers the committed ones in batches,
-- under the trial's number row, writing their events to the outbox in the same transaction: numbers stay 1, 2, 3 ...
-- without gaps, and a number is only ever given to an enrolment that has committed. Working state: a row lives from
-- the enrolment's commit to its numbering.
create table unnumbered_enrolment (
    -- The order in which the trial's committed enrolments are numbered.
    id           bigserial primary key,
    enrolment_id uuid not null unique references enrolment (id),
    trial_id     uuid not null,
    -- The enrolling request's trace context, for the enrolment's event (see outbox_event.traceparent).
    traceparent  text
);
create index unnumbered_enrolment_by_trial on unnumbered_enrolment (trial_id, id);
