-- Secret calendar feed URLs (iCalendar): only a hash of the secret is kept, so the table does not
-- give the URLs away. A revoked feed answers 404 from then on.
CREATE TABLE calendar_feed (
    token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
    kind        VARCHAR(16)  NOT NULL,
    subject     VARCHAR(64)  NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    created_at  BIGINT       NOT NULL,
    revoked_at  BIGINT       NULL
);
CREATE INDEX idx_calendar_feed_subject ON calendar_feed (kind, subject);
