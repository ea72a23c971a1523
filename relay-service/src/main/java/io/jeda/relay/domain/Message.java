package io.jeda.relay.domain;

import io.jeda.common.error.JedaException;

import java.time.Instant;
import java.util.List;

/**
 * A message held by Jeda ({@code roster} is the roster it was sent to, or null when sent to the
 * officer {@code recipient}; for a roster, {@code recipient} is who was on call at submission). The state moves an officer makes are methods here, so that who may make
 * them and from which state is decided in one place.
 */
public record Message(String id, String clientId, String clientReference, String recipient, Urgency urgency,
                      String subject, String text, String webhookId, DeliveryPlan plan, MessageState state,
                      String currentHandler, int escalationCount, Instant createdAt, Instant deliveredAt,
                      Instant acknowledgedAt, Instant resolvedAt, String roster) {

    /** Whether this officer may acknowledge or resolve it: its current handler or its recipient. */
    public boolean concerns(String nip) {
        return nip.equals(recipient) || nip.equals(currentHandler) || plan.chain().contains(nip);
    }

    /** The acknowledged message; acknowledging twice is answered with the same message. */
    public Message acknowledge(String nip, Instant at) {
        requireConcerns(nip);
        return switch (state) {
            case ACKNOWLEDGED, RESOLVED -> this;
            case HELD -> throw JedaException.failedPrecondition("MESSAGE_NOT_DELIVERED",
                    "message " + id + " has not been delivered yet", "message", "messages/" + id);
            case DELIVERED -> with(MessageState.ACKNOWLEDGED, nip, at, resolvedAt);
        };
    }

    /** The resolved message (acknowledged as well); resolving twice is answered with the same message. */
    public Message resolve(String nip, Instant at) {
        requireConcerns(nip);
        return switch (state) {
            case RESOLVED -> this;
            case HELD -> throw JedaException.failedPrecondition("MESSAGE_NOT_DELIVERED",
                    "message " + id + " has not been delivered yet", "message", "messages/" + id);
            case DELIVERED -> with(MessageState.RESOLVED, nip, at, at);
            case ACKNOWLEDGED -> new Message(id, clientId, clientReference, recipient, urgency, subject, text,
                    webhookId, plan, MessageState.RESOLVED, currentHandler, escalationCount, createdAt, deliveredAt,
                    acknowledgedAt, at, roster);
        };
    }

    private Message with(MessageState s, String handler, Instant ackAt, Instant resolveAt) {
        return new Message(id, clientId, clientReference, recipient, urgency, subject, text, webhookId, plan, s,
                handler, escalationCount, createdAt, deliveredAt, ackAt, resolveAt, roster);
    }

    private void requireConcerns(String nip) {
        if (!concerns(nip)) {
            throw JedaException.permissionDenied("NOT_YOUR_MESSAGE",
                    "officer " + nip + " neither received nor handles message " + id, "officer", "officers/" + nip);
        }
    }

    /** The people after the current step, for escalation. */
    public List<String> chain() {
        return plan.chain();
    }
}
