-- The warnings of the design as it stood after each change (allocations a jobcentre could foresee), as a JSON array
-- of {field, message}; null on entries written before warnings were recorded.
alter table trial_audit add column warnings jsonb;
