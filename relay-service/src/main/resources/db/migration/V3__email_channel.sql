-- An officer's email channel of an agency client: a webhook row whose url is mailto:{address} and
-- whose officer_nip names the officer whose delivered messages it receives. Its sends share the
-- webhook_event outbox (leases, retries, dead letters, replay); webhooks have officer_nip NULL.
ALTER TABLE webhook ADD COLUMN officer_nip VARCHAR(32) NULL;
CREATE INDEX idx_webhook_officer ON webhook (officer_nip, client_id);
