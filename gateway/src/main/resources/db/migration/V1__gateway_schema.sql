-- The gateway keeps only its own audit log; everything else it answers comes from the services
-- behind it. Append-only: the application has no UPDATE or DELETE for this table.
-- Instants are DATETIME(6) holding UTC (the JVM runs in UTC), portable to MySQL, MariaDB and H2.
CREATE TABLE reachability_audit (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    asked_at     DATETIME(6)  NOT NULL,
    client_id    VARCHAR(128) NOT NULL,
    officer_nip  VARCHAR(32)  NOT NULL,
    urgency      VARCHAR(16)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    reachable    BOOLEAN      NOT NULL,
    degraded     BOOLEAN      NOT NULL,
    PRIMARY KEY (id)
);

-- "Who asked about me", newest first.
CREATE INDEX idx_reachability_audit_officer ON reachability_audit (officer_nip, asked_at);
