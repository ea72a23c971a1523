package io.jeda.relay.domain;

import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of webhook events: {@code {"type": ..., "timestamp": ..., "data": {...}}}, the
 * Standard Webhooks payload layout. Written by hand: the shapes are few and flat.
 */
public final class Events {

    public static final String DELIVERED = "message.delivered";
    public static final String DIGEST = "message.digest";
    public static final String ESCALATED = "message.escalated";
    public static final String UNACKNOWLEDGED = "message.unacknowledged";
    public static final String SCHEDULED = "message.scheduled";
    public static final String ACKNOWLEDGED = "message.acknowledged";
    public static final String RESOLVED = "message.resolved";

    private Events() {
    }

    /** A message delivered to {@code to}; for escalations {@code from} is the previous handler. */
    public static String delivery(String type, Message m, String from, String to, int step, Instant at) {
        StringBuilder data = new StringBuilder();
        field(data, "to", "officers/" + to);
        if (from != null) {
            field(data, "from", "officers/" + from);
        }
        data.append(",\"step\":").append(step);
        data.append(",\"message\":").append(message(m));
        return envelope(type, at, data.toString());
    }

    /** An officer acknowledged or resolved the message. */
    public static String officerMove(String type, Message m, String by, Instant at) {
        StringBuilder data = new StringBuilder();
        field(data, "by", "officers/" + by);
        data.append(",\"message\":").append(message(m));
        return envelope(type, at, data.toString());
    }

    /** Several ROUTINE messages for one officer delivered together at the start of work. */
    public static String digest(String to, List<Message> messages, Instant at) {
        StringBuilder data = new StringBuilder();
        field(data, "to", "officers/" + to);
        data.append(",\"messages\":[");
        for (int i = 0; i < messages.size(); i++) {
            data.append(i == 0 ? "" : ",").append(message(messages.get(i)));
        }
        data.append(']');
        return envelope(DIGEST, at, data.toString());
    }

    /** The delivery time decided once a degraded submission's reachability answer came. */
    public static String scheduled(Message m, DeliveryPlan plan, Instant at) {
        StringBuilder data = new StringBuilder();
        field(data, "handler", plan.handler() == null ? "" : "officers/" + plan.handler());
        field(data, "deliverAt", plan.deliverAt() == null ? "" : plan.deliverAt().toString());
        field(data, "respondBy", plan.respondBy() == null ? "" : plan.respondBy().toString());
        data.append(",\"message\":").append(message(m));
        return envelope(SCHEDULED, at, data.toString());
    }

    private static String message(Message m) {
        StringBuilder b = new StringBuilder();
        field(b, "name", "messages/" + m.id());
        field(b, "recipient", m.roster() != null ? "rosters/" + m.roster() : "officers/" + m.recipient());
        field(b, "urgency", m.urgency().name());
        field(b, "subject", m.subject());
        field(b, "text", m.text());
        field(b, "clientReference", m.clientReference() == null ? "" : m.clientReference());
        return "{" + b + "}";
    }

    private static String envelope(String type, Instant at, String data) {
        StringBuilder b = new StringBuilder();
        field(b, "type", type);
        field(b, "timestamp", at.toString());
        return "{" + b + ",\"data\":{" + data + "}}";
    }

    private static void field(StringBuilder b, String name, String value) {
        if (!b.isEmpty()) {
            b.append(',');
        }
        b.append('"').append(name).append("\":").append(quote(value));
    }

    /** A JSON string literal (RFC 8259 escapes). */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
