-- Issue 11, item 6: participants are named by per-trial pseudonyms with a key id, keyId:HMAC(trial key, trialId ||
-- citizen), where citizen = HMAC(base key, CPR) is what this service stored until now. Migration 7.1
-- (db.migration.V7_1__PerTrialPseudonyms, Java: it needs the keys) rewrites the stored values; nothing else changes.
comment on column participant.pseudonym is 'keyId:HMAC-SHA256(trial key keyId, trialId || citizen pseudonym), as enrolment-service publishes it.';
comment on column outcome.pseudonym is 'The participant''s per-trial pseudonym as reported (or of the participant matched); null if named by enrolment id.';
