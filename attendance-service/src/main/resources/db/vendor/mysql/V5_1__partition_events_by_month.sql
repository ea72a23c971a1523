-- MySQL and MariaDB only (H2 keeps a plain table): attendance_event partitioned by month of the
-- officer's local date. The primary key takes local_date (every unique key must hold the
-- partitioning column); the unique (officer, idempotency key) moved to attendance_key (V5).
-- One partition holds everything up to the end of the month this runs in, pmax catches what comes
-- after; the service's partition job splits the coming months off pmax (JEDA_ATTENDANCE_PARTITIONS_*).
-- Dynamic SQL because the first bound depends on today's date; one ALTER, so one table rebuild.
SET @jeda_ddl = CONCAT(
    'ALTER TABLE attendance_event DROP INDEX attendance_event_key, DROP PRIMARY KEY,',
    ' ADD PRIMARY KEY (id, local_date)',
    ' PARTITION BY RANGE COLUMNS (local_date) (PARTITION p', DATE_FORMAT(CURRENT_DATE, '%Y%m'),
    ' VALUES LESS THAN (''', DATE_FORMAT(CURRENT_DATE + INTERVAL 1 MONTH, '%Y-%m-01'), '''),',
    ' PARTITION pmax VALUES LESS THAN (MAXVALUE))');
PREPARE jeda_stmt FROM @jeda_ddl;
EXECUTE jeda_stmt;
DEALLOCATE PREPARE jeda_stmt;
