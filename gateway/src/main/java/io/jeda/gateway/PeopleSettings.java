package io.jeda.gateway;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The numbers of the officer and manager endpoints, bound from {@code jeda.gateway.people.*}: the
 * deadline of each call forwarded to policy-service or attendance-service, and how many pending
 * requests a manager's inbox shows.
 */
@Singleton
public class PeopleSettings {

    private final Duration forwardDeadline;
    private final int inboxSize;
    private final Duration exportDeadline;

    public PeopleSettings(@Value("${jeda.gateway.people.forward-deadline:2s}") Duration forwardDeadline,
                          @Value("${jeda.gateway.people.inbox-size:500}") int inboxSize,
                          @Value("${jeda.gateway.admin.export-deadline:120s}") Duration exportDeadline) {
        this.forwardDeadline = forwardDeadline;
        this.inboxSize = inboxSize;
        this.exportDeadline = exportDeadline;
    }

    /** Deadline of a forwarded streamed answer (a unit's monthly recap or CSV export), start to end. */
    public Duration exportDeadline() {
        return exportDeadline;
    }

    /** Deadline of one forwarded call; past it the caller gets a 503 problem instead of waiting. */
    public Duration forwardDeadline() {
        return forwardDeadline;
    }

    /** Most plans, and most one-day exceptions, in one inbox answer (the services allow up to 500). */
    public int inboxSize() {
        return inboxSize;
    }
}
