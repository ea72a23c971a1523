package io.jeda.relay.domain;

import java.time.Instant;

/**
 * One scheduled step of a message that a worker has claimed.
 *
 * @param kind      what the step does
 * @param step      0 for the first delivery, n for the n-th escalation
 * @param recipient the officer the step delivers to (null for {@link Kind#RESOLVE})
 */
public record DueDelivery(long id, String messageId, Kind kind, int step, String recipient, Instant dueAt) {

    /** What a scheduled step does. */
    public enum Kind {
        /** Ask the reachability engine again (the first answer was degraded) and plan the delivery. */
        RESOLVE,
        /** Deliver to {@code recipient}; for URGENT/EMERGENCY past step 0 this is an escalation. */
        DELIVER
    }
}
