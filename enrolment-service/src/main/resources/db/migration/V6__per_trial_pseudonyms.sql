-- Issue 11, item 6: per-trial pseudonyms with a key id. Until now enrolment.participant held HMAC(key, CPR), the same
-- in every trial, and was published as such. That key becomes the base key and that value the citizen pseudonym:
-- kept here, never published, as what one allocation per citizen and trial is enforced on and what a key rotation
-- re-keys from (no CPR number needed). participant becomes keyId:HMAC(trial key, trialId || citizen); the repeatable
-- Java migration db.migration.R__ParticipantPseudonymKey writes it, as it needs the keys.
alter table enrolment add column citizen text;
update enrolment set citizen = participant;
alter table enrolment alter column citizen set not null;
alter table enrolment add constraint enrolment_citizen_once_per_trial unique (trial_id, citizen);
-- participant is derived from citizen; nothing looks it up any more, and during a rotation it is rewritten row by row.
alter table enrolment drop constraint enrolment_once_per_trial;

comment on column enrolment.citizen is 'HMAC-SHA256(base key, CPR) as hex: the same in every trial; never published.';
comment on column enrolment.participant is 'keyId:HMAC-SHA256(trial key keyId, trialId || citizen) as published.';
