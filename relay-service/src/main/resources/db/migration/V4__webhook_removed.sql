-- A removed webhook or email channel: kept for the record of its events, never sent to again.
-- Its events not sent when it was removed get status DROPPED.
ALTER TABLE webhook ADD COLUMN removed_at BIGINT NULL;
