package io.jeda.relay.domain;

/** What the store did with a submission: stored it, or found the same client's same reference. */
public sealed interface SubmitOutcome {

    Message message();

    /** A new message, stored with its deliveries. */
    record Stored(Message message) implements SubmitOutcome {
    }

    /** The client sent this reference before: the first message, unchanged. */
    record Replayed(Message message) implements SubmitOutcome {
    }
}
