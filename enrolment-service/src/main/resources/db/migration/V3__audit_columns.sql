-- Columns kept for the record only: written by the service, never read by it.
comment on column enrolment.enrolled_by is 'Audit: the token that enrolled or imported the citizen.';
comment on column enrolment.withdrawn_by is 'Audit: the token that recorded the withdrawal.';
comment on table enrolment_import is 'Audit: one row per migration import; who took over how many allocations, when.';
comment on column known_trial.design is 'dk.trials.enrolment.TrialDocument as JSON; schemaVersion names its shape.';
comment on column known_trial.updated_at is 'When the trial event applied last occurred; an older event is not applied.';
