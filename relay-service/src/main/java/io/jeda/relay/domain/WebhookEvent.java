package io.jeda.relay.domain;

import java.time.Instant;

/**
 * One report to a webhook. The id is the {@code webhook-id} header: the same for every attempt and
 * replay, so a receiver can de-duplicate.
 */
public record WebhookEvent(String id, String webhookId, String type, String payload, int attempts, String status,
                           String lastError, Instant createdAt, boolean replayed) {
}
