-- The idempotency keys of check-ins and check-outs, in a table of their own. attendance_event is
-- partitioned by month on MySQL/MariaDB (db/vendor/mysql), and there every unique key must contain
-- the partitioning column (local_date): a unique key on (officer, key, local_date) would let a retry
-- that lands on another local date (a check-in at 23:59:59 on the last day of a month, retried
-- after midnight) be stored twice. This table is not partitioned, so its primary key catches every
-- retry whatever its date; a write inserts its key here in the same transaction as its event.
-- local_date is the event's (kept equal by reconciliation), so the event is found in its partition,
-- and the keys of events dropped with their partition are deleted by date.
CREATE TABLE attendance_key (
    officer_nip      CHAR(18)     NOT NULL,
    idempotency_key  VARCHAR(128) NOT NULL,
    event_id         VARCHAR(36)  NOT NULL,
    local_date       DATE         NOT NULL,
    PRIMARY KEY (officer_nip, idempotency_key)
);
CREATE INDEX attendance_key_date ON attendance_key (local_date);
INSERT INTO attendance_key (officer_nip, idempotency_key, event_id, local_date)
    SELECT officer_nip, idempotency_key, id, local_date FROM attendance_event;
