-- The audit of admin changes: who changed what, and the resource before and after (JSON text).
-- Append-only: rows are never updated or deleted by the service.
CREATE TABLE admin_change (
    -- In the order the changes were recorded.
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    actor        VARCHAR(200)  NOT NULL,
    scope        VARCHAR(70)   NOT NULL,
    action       VARCHAR(60)   NOT NULL,
    resource     VARCHAR(200)  NOT NULL,
    -- The unit the change belongs to; NULL for what belongs to every unit.
    unit_id      VARCHAR(63)   NULL,
    before_json  TEXT          NULL,
    after_json   TEXT          NULL,
    changed_at   DATETIME(6)   NOT NULL
);
CREATE INDEX admin_change_unit ON admin_change (unit_id, id);
CREATE INDEX admin_change_resource ON admin_change (resource, id);
