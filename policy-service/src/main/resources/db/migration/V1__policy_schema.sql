-- policy-service schema. Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode:
-- no vendor-specific types; instants are DATETIME(6) holding UTC; local dates and times are
-- DATE and TIME in the officer's unit time zone.

CREATE TABLE unit (
    id              VARCHAR(63)  NOT NULL PRIMARY KEY,
    display_name    VARCHAR(200) NOT NULL,
    parent_id       VARCHAR(63)  NULL,
    time_zone       VARCHAR(40)  NOT NULL,
    day_close_time  TIME         NOT NULL,
    serves_public   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL
);
CREATE INDEX unit_parent ON unit (parent_id);

CREATE TABLE office (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_id         VARCHAR(63)  NOT NULL,
    code            VARCHAR(63)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    latitude        DOUBLE       NOT NULL,
    longitude       DOUBLE       NOT NULL,
    radius_meters   INT          NOT NULL,
    CONSTRAINT office_unit_code UNIQUE (unit_id, code)
);

CREATE TABLE job_position (
    id                        VARCHAR(63)  NOT NULL PRIMARY KEY,
    display_name              VARCHAR(200) NOT NULL,
    fwa_eligible              BOOLEAN      NOT NULL,
    -- Comma-separated WorkPlace names, always including OFFICE.
    allowed_places            VARCHAR(100) NOT NULL,
    max_remote_days_per_week  INT          NOT NULL,
    flexi_time                VARCHAR(16)  NOT NULL,
    default_start             TIME         NOT NULL,
    start_window_begin        TIME         NOT NULL,
    start_window_end          TIME         NOT NULL,
    weekly_work_minutes       INT          NOT NULL,
    daily_work_minutes        INT          NOT NULL,
    break_minutes             INT          NOT NULL,
    friday_break_minutes      INT          NOT NULL,
    core_start                TIME         NOT NULL,
    core_end                  TIME         NOT NULL,
    created_at                DATETIME(6)  NOT NULL,
    updated_at                DATETIME(6)  NOT NULL
);

CREATE TABLE officer (
    nip                   CHAR(18)     NOT NULL PRIMARY KEY,
    display_name          VARCHAR(200) NOT NULL,
    unit_id               VARCHAR(63)  NOT NULL,
    position_id           VARCHAR(63)  NOT NULL,
    manager_nip           CHAR(18)     NULL,
    domicile_latitude     DOUBLE       NULL,
    domicile_longitude    DOUBLE       NULL,
    domicile_radius_meters INT         NULL,
    penalty_until         DATE         NULL,
    probation_until       DATE         NULL,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL
);
CREATE INDEX officer_unit ON officer (unit_id, nip);
CREATE INDEX officer_manager ON officer (manager_nip, nip);

CREATE TABLE calendar_day (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    on_date      DATE         NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    description  VARCHAR(200) NOT NULL,
    -- Only for AGENCY_DAY: the unit it applies to, with its sub-units.
    unit_id      VARCHAR(63)  NULL,
    created_at   DATETIME(6)  NOT NULL
);
CREATE INDEX calendar_day_date ON calendar_day (on_date);

CREATE TABLE ramadan_period (
    id                    VARCHAR(32) NOT NULL PRIMARY KEY,
    start_date            DATE        NOT NULL,
    end_date              DATE        NOT NULL,
    weekly_work_minutes   INT         NOT NULL,
    start_time            TIME        NOT NULL,
    break_minutes         INT         NOT NULL,
    friday_break_minutes  INT         NOT NULL,
    created_at            DATETIME(6) NOT NULL
);
CREATE INDEX ramadan_period_dates ON ramadan_period (start_date, end_date);

CREATE TABLE absence (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    officer_nip  CHAR(18)     NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    start_date   DATE         NOT NULL,
    end_date     DATE         NOT NULL,
    description  VARCHAR(500) NOT NULL,
    created_at   DATETIME(6)  NOT NULL
);
CREATE INDEX absence_officer ON absence (officer_nip, start_date);

CREATE TABLE fwa_plan (
    id               VARCHAR(32)   NOT NULL PRIMARY KEY,
    officer_nip      CHAR(18)      NOT NULL,
    start_date       DATE          NOT NULL,
    end_date         DATE          NOT NULL,
    -- Weekly pattern, e.g. "MONDAY:OFFICE:07:30,TUESDAY:HOME:08:00" (see PlanDays).
    days             VARCHAR(600)  NOT NULL,
    -- Stored state: DRAFT, SUBMITTED, APPROVED, REJECTED, REVOKED (ACTIVE/EXPIRED are derived).
    state            VARCHAR(16)   NOT NULL,
    note             VARCHAR(1000) NOT NULL,
    decision_reason  VARCHAR(1000) NOT NULL,
    -- Client-made key of the create request, so that a retried create returns the first plan.
    request_id       VARCHAR(64)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT fwa_plan_request UNIQUE (officer_nip, request_id)
);
CREATE INDEX fwa_plan_officer ON fwa_plan (officer_nip, state, start_date);

CREATE TABLE plan_transition (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    plan_id      VARCHAR(32)   NOT NULL,
    from_state   VARCHAR(16)   NOT NULL,
    to_state     VARCHAR(16)   NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    reason       VARCHAR(1000) NOT NULL
);
CREATE INDEX plan_transition_plan ON plan_transition (plan_id, id);

CREATE TABLE day_exception (
    id               VARCHAR(32)   NOT NULL PRIMARY KEY,
    officer_nip      CHAR(18)      NOT NULL,
    on_date          DATE          NOT NULL,
    place            VARCHAR(16)   NOT NULL,
    start_time       TIME          NULL,
    state            VARCHAR(16)   NOT NULL,
    note             VARCHAR(1000) NOT NULL,
    decision_reason  VARCHAR(1000) NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL
);
CREATE INDEX day_exception_officer ON day_exception (officer_nip, on_date);

CREATE TABLE roster (
    id                  VARCHAR(63)  NOT NULL PRIMARY KEY,
    display_name        VARCHAR(200) NOT NULL,
    unit_id             VARCHAR(63)  NOT NULL,
    turn_hours          INT          NOT NULL,
    start_time          DATETIME(6)  NOT NULL,
    max_hours_per_week  INT          NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL
);
CREATE INDEX roster_unit ON roster (unit_id);

CREATE TABLE roster_member (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    roster_id    VARCHAR(63) NOT NULL,
    seq          INT         NOT NULL,
    officer_nip  CHAR(18)    NOT NULL,
    backup_nip   CHAR(18)    NULL,
    CONSTRAINT roster_member_seq UNIQUE (roster_id, seq)
);
CREATE INDEX roster_member_officer ON roster_member (officer_nip);

CREATE TABLE roster_override (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    roster_id    VARCHAR(63)  NOT NULL,
    officer_nip  CHAR(18)     NOT NULL,
    start_time   DATETIME(6)  NOT NULL,
    end_time     DATETIME(6)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    created_at   DATETIME(6)  NOT NULL
);
CREATE INDEX roster_override_time ON roster_override (roster_id, start_time);
