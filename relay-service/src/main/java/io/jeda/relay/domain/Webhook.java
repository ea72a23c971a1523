package io.jeda.relay.domain;

import java.time.Instant;

/**
 * An agency client's endpoint for Jeda's reports, with its current signing secret; or, when
 * {@code officerNip} is set, an officer's email channel ({@code url} is {@code mailto:} + address).
 */
public record Webhook(String id, String clientId, String url, String secret, Instant secretTime, String officerNip) {

    public static final String MAILTO = "mailto:";

    public boolean isEmail() {
        return officerNip != null;
    }

    /** The address of an email channel. */
    public String address() {
        return url.substring(MAILTO.length());
    }
}
