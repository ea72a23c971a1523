-- The change feed's outbox: one row per change that can alter what the gateway and attendance-service
-- cache, written in the transaction of the change and streamed to them in sequence order
-- (ChangeFeedService.WatchChanges). Rows older than the retention setting are deleted.
CREATE TABLE change_event (
    -- Increasing in commit order, with gaps (rolled-back transactions, cleanup).
    seq          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- OFFICER, UNIT or ALL: how far the change reaches.
    scope        VARCHAR(10)   NOT NULL,
    -- The officer changed (NIP), for scope OFFICER.
    officer_nip  VARCHAR(18)   NULL,
    -- The unit the change belongs to.
    unit_id      VARCHAR(63)   NULL,
    -- The resource changed, for example plans/{id}.
    resource     VARCHAR(200)  NOT NULL,
    changed_at   DATETIME(6)   NOT NULL
);
CREATE INDEX change_event_changed_at ON change_event (changed_at);
