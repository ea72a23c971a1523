package io.jeda.relay.domain;

import java.time.Instant;

/** An agency client's endpoint for Jeda's reports, with its current signing secret. */
public record Webhook(String id, String clientId, String url, String secret, Instant secretTime) {
}
