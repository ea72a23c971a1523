-- Every export of raw attendance data (positions included): who, when, which unit and month.
-- ("month" is a reserved word in H2, hence recap_month.)
-- Append-only: nothing updates or deletes these rows.
CREATE TABLE export_audit (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    subject        VARCHAR(128) NOT NULL,
    unit_id        VARCHAR(63)  NOT NULL,
    recap_month    CHAR(7)      NOT NULL,
    exported_at    DATETIME(6)  NOT NULL,
    officer_count  INT          NOT NULL
);
CREATE INDEX export_audit_unit_month ON export_audit (unit_id, recap_month);
