-- Attendance corrections: an officer's request to fix one of their days, and the manager's
-- decision. The recorded events are never changed; an APPROVED correction is laid over them when
-- the day is settled. Times are local to time_zone (the officer's unit zone at the request).
CREATE TABLE attendance_correction (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    officer_nip      CHAR(18)     NOT NULL,
    local_date       DATE         NOT NULL,
    time_zone        VARCHAR(40)  NOT NULL,
    unit_id          VARCHAR(63)  NULL,
    -- The direct manager on record when the officer asked (the manager's inbox); approval checks
    -- the manager policy-service records at that time again.
    manager_nip      CHAR(18)     NULL,
    check_in_time    TIME         NULL,
    check_out_time   TIME         NULL,
    mode             VARCHAR(16)  NULL,
    reason           VARCHAR(2000) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    request_id       VARCHAR(128) NOT NULL,
    -- SHA-256 (hex) of the request's content, to tell a retry from a reused request_id.
    fingerprint      CHAR(64)     NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    decided_by       CHAR(18)     NULL,
    decided_at       DATETIME(6)  NULL,
    decision_reason  VARCHAR(2000) NULL,
    -- The date while PENDING, NULL once decided: the unique key below allows one pending
    -- correction per officer-day (NULLs never collide on MySQL, MariaDB and H2).
    pending_date     DATE         NULL,
    CONSTRAINT attendance_correction_request UNIQUE (officer_nip, request_id),
    CONSTRAINT attendance_correction_pending UNIQUE (officer_nip, pending_date)
);
CREATE INDEX attendance_correction_day ON attendance_correction (officer_nip, local_date);
CREATE INDEX attendance_correction_manager ON attendance_correction (manager_nip, state, created_at);
