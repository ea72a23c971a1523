package io.jeda.relay.app;

/** What the workers count as they go (exported on the management port's {@code /prometheus}). */
public interface RelayMeters {

    /** Counts nothing (tests that do not look at meters). */
    RelayMeters NONE = new RelayMeters() {
    };

    /** Messages delivered to their first handler (a digest counts each of its messages). */
    default void delivered(int messages) {
    }

    /** A message passed on to the next person after no acknowledgement. */
    default void escalated() {
    }

    /** One send to a webhook or (email true) an email channel; failed when not accepted. */
    default void attempt(boolean email, boolean failed) {
    }

    /** An event given up after its last attempt. */
    default void deadLettered(boolean email) {
    }
}
