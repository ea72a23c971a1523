-- Instants are epoch milliseconds (UTC): the same on MySQL 8, MariaDB 10.11 and H2, whatever the
-- session time zone.

CREATE TABLE webhook (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    client_id   VARCHAR(128)  NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    secret      VARCHAR(100)  NOT NULL,
    secret_time BIGINT        NOT NULL
);
CREATE INDEX idx_webhook_client ON webhook (client_id);

CREATE TABLE message (
    id               VARCHAR(40)  NOT NULL PRIMARY KEY,
    client_id        VARCHAR(128) NOT NULL,
    client_reference VARCHAR(128) NULL,
    recipient_nip    VARCHAR(32)  NOT NULL,
    urgency          VARCHAR(16)  NOT NULL,
    subject          VARCHAR(400) NOT NULL,
    body             TEXT         NOT NULL,
    webhook_id       VARCHAR(40)  NULL,
    handler_nip      VARCHAR(32)  NULL,
    handler_reason   VARCHAR(500) NOT NULL,
    deliver_at       BIGINT       NULL,
    respond_by       BIGINT       NULL,
    degraded         BOOLEAN      NOT NULL,
    reasons          TEXT         NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    chain            VARCHAR(500) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    current_handler  VARCHAR(32)  NULL,
    escalation_count INT          NOT NULL,
    created_at       BIGINT       NOT NULL,
    delivered_at     BIGINT       NULL,
    acknowledged_at  BIGINT       NULL,
    resolved_at      BIGINT       NULL,
    CONSTRAINT uk_message_reference UNIQUE (client_id, client_reference)
);
CREATE INDEX idx_message_client ON message (client_id, created_at);
CREATE INDEX idx_message_recipient ON message (recipient_nip, created_at);
CREATE INDEX idx_message_handler ON message (current_handler, created_at);

-- Scheduled steps of messages. Workers claim due PENDING rows with a lease; a step's effects are
-- written in the transaction that marks it DONE, guarded by its lease, so each happens once.
CREATE TABLE delivery (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id    VARCHAR(40) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    step          INT         NOT NULL,
    recipient_nip VARCHAR(32) NULL,
    due_at        BIGINT      NOT NULL,
    status        VARCHAR(16) NOT NULL,
    lease_owner   VARCHAR(64) NULL,
    lease_until   BIGINT      NULL,
    done_by       VARCHAR(64) NULL,
    done_at       BIGINT      NULL
);
CREATE INDEX idx_delivery_due ON delivery (status, due_at);
CREATE INDEX idx_delivery_message ON delivery (message_id, status);

-- Each escalation step, for the record (who did not acknowledge, who got it next, when).
CREATE TABLE escalation_step (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id VARCHAR(40) NOT NULL,
    step       INT         NOT NULL,
    from_nip   VARCHAR(32) NOT NULL,
    to_nip     VARCHAR(32) NULL,
    at         BIGINT      NOT NULL,
    CONSTRAINT uk_escalation_step UNIQUE (message_id, step)
);

-- The outbox of webhook sends; the id is the webhook-id header, stable over retries and replays.
CREATE TABLE webhook_event (
    id              VARCHAR(40)  NOT NULL PRIMARY KEY,
    webhook_id      VARCHAR(40)  NOT NULL,
    type            VARCHAR(40)  NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    lease_owner     VARCHAR(64)  NULL,
    lease_until     BIGINT       NULL,
    last_error      VARCHAR(500) NULL,
    created_at      BIGINT       NOT NULL,
    sent_at         BIGINT       NULL,
    replayed        BOOLEAN      NOT NULL
);
CREATE INDEX idx_webhook_event_due ON webhook_event (status, next_attempt_at);
CREATE INDEX idx_webhook_event_webhook ON webhook_event (webhook_id, status, created_at);
