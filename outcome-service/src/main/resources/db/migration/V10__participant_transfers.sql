-- The jobcentre that acts for a participant (reports its outcomes) after an admin transferred the citizen to it;
-- null while the enrolling jobcentre acts. The enrolling jobcentre stays in jobcentre: the aggregates and the
-- jobcentre-stratified log-rank keep the stratum of the allocation.
alter table participant add column acting_jobcentre text;
