-- attendance-service schema. Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode:
-- instants are DATETIME(6) holding UTC; local dates are DATE in the officer's unit time zone.

-- Every accepted check-in and check-out. Never updated except by reconciliation (verification
-- columns) and never deleted: a check-in must not be lost.
CREATE TABLE attendance_event (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    officer_nip      CHAR(18)     NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    mode             VARCHAR(16)  NOT NULL,
    idempotency_key  VARCHAR(128) NOT NULL,
    -- SHA-256 (hex) of the semantic fields of the request, to tell a retry from a reused key.
    fingerprint      CHAR(64)     NOT NULL,
    record_time      DATETIME(6)  NOT NULL,
    device_time      DATETIME(6)  NOT NULL,
    receive_time     DATETIME(6)  NOT NULL,
    local_date       DATE         NOT NULL,
    time_zone        VARCHAR(40)  NOT NULL,
    unit_id          VARCHAR(63)  NULL,
    -- Personal data: returned only to the officer themself and in audited HR exports. Empty
    -- only for check-outs made by the end-of-day rule, which have no device.
    latitude         DOUBLE       NULL,
    longitude        DOUBLE       NULL,
    accuracy_meters  DOUBLE       NULL,
    device_id        VARCHAR(128) NOT NULL,
    -- Comma-separated flag names (CLOCK_SKEW, LATE_SYNC, POLICY_UNVERIFIED, AUTO_CHECKOUT).
    flags            VARCHAR(200) NOT NULL,
    verification     VARCHAR(16)  NOT NULL,
    violation        VARCHAR(64)  NULL,
    -- For a check-out, the check-in it closes.
    check_in_id      VARCHAR(36)  NULL,
    CONSTRAINT attendance_event_key UNIQUE (officer_nip, idempotency_key)
);
CREATE INDEX attendance_event_day ON attendance_event (officer_nip, local_date);
CREATE INDEX attendance_event_verification ON attendance_event (verification, receive_time);

-- At most one open check-in per officer: the primary key makes "check in while checked in"
-- and "check out twice" database-enforced rather than read-then-write.
CREATE TABLE open_session (
    officer_nip      CHAR(18)     NOT NULL PRIMARY KEY,
    check_in_id      VARCHAR(36)  NOT NULL,
    mode             VARCHAR(16)  NOT NULL,
    since            DATETIME(6)  NOT NULL,
    local_date       DATE         NOT NULL,
    time_zone        VARCHAR(40)  NOT NULL,
    unit_id          VARCHAR(63)  NULL,
    unverified       BOOLEAN      NOT NULL,
    -- The unit's day-close time on local_date: when the end-of-day rule may close the session,
    -- and the time of record of the automatic check-out.
    close_at         DATETIME(6)  NOT NULL,
    -- When the check-in reached the server; a late-synced session is left alone for a grace
    -- period so that the phone's own check-out, queued behind it, is not pre-empted.
    receive_time     DATETIME(6)  NOT NULL
);
CREATE INDEX open_session_close ON open_session (close_at);
