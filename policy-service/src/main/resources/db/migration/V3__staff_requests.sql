-- Requests officers make: leave and official travel for their manager to decide, and on-call swaps
-- between two members of a roster (accepted by the other officer, approved by the manager where the
-- roster requires it). An approved leave or travel request becomes a row of absence; an approved
-- swap becomes two rows of roster_override.
CREATE TABLE staff_request (
    id                VARCHAR(32)   NOT NULL PRIMARY KEY,
    officer_nip       CHAR(18)      NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    state             VARCHAR(24)   NOT NULL,
    -- Leave and travel: local dates of the officer's zone, inclusive.
    start_date        DATE          NULL,
    end_date          DATE          NULL,
    note              VARCHAR(1000) NOT NULL,
    -- Swap: the roster, the other officer and the starts (UTC) of the two base turns.
    roster_id         VARCHAR(63)   NULL,
    counterpart_nip   CHAR(18)      NULL,
    first_slot_time   DATETIME(6)   NULL,
    second_slot_time  DATETIME(6)   NULL,
    needs_approval    BOOLEAN       NOT NULL,
    decision_reason   VARCHAR(1000) NOT NULL,
    decided_by        VARCHAR(200)  NOT NULL,
    -- The absence an approved leave or travel request became.
    absence_id        VARCHAR(32)   NULL,
    -- The client-made key that makes a retried create return the first request.
    request_id        VARCHAR(64)   NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT staff_request_key UNIQUE (officer_nip, request_id)
);
CREATE INDEX staff_request_officer ON staff_request (officer_nip, created_at);
CREATE INDEX staff_request_counterpart ON staff_request (counterpart_nip, created_at);
CREATE INDEX staff_request_roster ON staff_request (roster_id, state);

-- Whether a swap two members agreed on also waits for the proposer's direct manager.
ALTER TABLE roster ADD COLUMN swap_needs_approval BOOLEAN NOT NULL DEFAULT FALSE;
