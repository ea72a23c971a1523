-- MySQL and MariaDB only (H2 keeps a plain table): the audit log partitioned by day of asked_at, so
-- that retention drops whole days instead of deleting rows. Every unique key must hold the
-- partitioning column: the primary key becomes (id, asked_at) (id stays AUTO_INCREMENT, first in
-- it) and the replay key (entry_id, asked_at). A replayed entry carries the entry id and the instant
-- made when the answer was given (the spool keeps both to the nanosecond), so it still meets its
-- first row and adds nothing.
-- One partition holds everything up to the end of today, pmax what comes after; the gateway's
-- partition job splits the coming days off pmax (JEDA_GATEWAY_AUDIT_PARTITIONS_AHEAD).
SET @jeda_ddl = CONCAT(
    'ALTER TABLE reachability_audit DROP INDEX ux_reachability_audit_entry, DROP PRIMARY KEY,',
    ' ADD PRIMARY KEY (id, asked_at), ADD UNIQUE INDEX ux_reachability_audit_entry (entry_id, asked_at)',
    ' PARTITION BY RANGE COLUMNS (asked_at) (PARTITION p', DATE_FORMAT(CURRENT_DATE, '%Y%m%d'),
    ' VALUES LESS THAN (''', CURRENT_DATE + INTERVAL 1 DAY, ' 00:00:00''),',
    ' PARTITION pmax VALUES LESS THAN (MAXVALUE))');
PREPARE jeda_stmt FROM @jeda_ddl;
EXECUTE jeda_stmt;
DEALLOCATE PREPARE jeda_stmt;
