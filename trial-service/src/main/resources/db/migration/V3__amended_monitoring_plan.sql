-- The monitoring plan before and after an amendment that changed it (more looks, another reporting lag or look
-- time); both null when the amendment left the plan alone. A plan before that is null while the after is set is the
-- legacy classic plan of a trial opened before plans existed.
alter table trial_amendment add column monitoring_plan_before jsonb;
alter table trial_amendment add column monitoring_plan jsonb;
