package io.jeda.relay.domain;

/** Where a message is in its life; the moves are the methods of {@link Message}. */
public enum MessageState {
    /** Stored, waiting for its delivery time (or for a reachability answer when degraded). */
    HELD,
    /** Delivered to its current handler, not acknowledged yet. */
    DELIVERED,
    /** The handler has seen it; escalation stops. */
    ACKNOWLEDGED,
    /** The handler has marked it done. */
    RESOLVED
}
