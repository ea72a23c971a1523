-- Status answers read each officer's latest check-out (kind = 'CHECK_OUT') within a lookback;
-- this index answers that from the index alone instead of scanning the officer's events by date.
CREATE INDEX attendance_event_kind_time ON attendance_event (officer_nip, kind, record_time);
