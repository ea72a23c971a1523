package io.jeda.relay.domain;

import io.jeda.common.error.JedaException;

/**
 * A message as submitted, checked against the size limits before anything is stored.
 *
 * @param recipient       NIP of the officer the message is for; for a roster, the officer on call (null until known)
 * @param clientReference the client's own reference, or null
 * @param webhookId       the client's webhook id, or null
 * @param roster          the roster (function) the message was sent to, or null when sent to an officer
 */
public record MessageDraft(String clientId, String recipient, Urgency urgency, String subject, String text,
                           String clientReference, String webhookId, String roster) {

    /** The same message addressed to the officer on call for its roster. */
    public MessageDraft toOfficer(String nip) {
        return new MessageDraft(clientId, nip, urgency, subject, text, clientReference, webhookId, roster);
    }

    /** The largest reference accepted, the width of its column. */
    public static final int MAX_REFERENCE = 128;

    /** Refuses an empty or too long subject, text or reference. */
    public MessageDraft checked(int maxSubject, int maxText) {
        require("subject", subject, maxSubject);
        require("text", text, maxText);
        if (clientReference != null && clientReference.length() > MAX_REFERENCE) {
            throw tooLong("client_reference", MAX_REFERENCE);
        }
        return this;
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw JedaException.invalidArgument("FIELD_REQUIRED", field + " must not be empty", "field", field);
        }
        if (value.length() > max) {
            throw tooLong(field, max);
        }
    }

    private static JedaException tooLong(String field, int max) {
        return JedaException.invalidArgument("FIELD_TOO_LONG", field + " is longer than " + max + " characters",
                "field", field, "maxChars", String.valueOf(max));
    }
}
