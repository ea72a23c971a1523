-- A stable id per audited answer, made by the gateway when it answers: a row written once from
-- the local spool and once more after a crash during the replay (or a commit whose acknowledgement
-- was lost) is the same row. Rows from before have none (NULLs do not collide in a unique index).
ALTER TABLE reachability_audit ADD COLUMN entry_id VARCHAR(36) NULL;
CREATE UNIQUE INDEX ux_reachability_audit_entry ON reachability_audit (entry_id);
