package io.jeda.policy.app.changes;

import io.jeda.policy.domain.changes.ChangeEvent;
import io.jeda.policy.domain.changes.ChangeScope;
import io.jeda.policy.persistence.ChangeEventRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The writing side of the change feed: appends a row to the outbox on the caller's connection, so
 * that it commits or rolls back with the change it describes. Two places call it: {@code AdminAudit}
 * for every admin change and the plan and one-day-exception state moves; nothing else needs to.
 */
@Singleton
public class ChangeFeed {

    private final ChangeEventRepository events;
    private final Clock clock;

    public ChangeFeed(ChangeEventRepository events, @Nullable Clock clock) {
        this.events = events;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** A change of one officer's data (a plan or exception moved, leave, the record itself). */
    public void officerChanged(String nip, String resource) {
        append(ChangeScope.OFFICER, nip, null, resource);
    }

    /** An admin change, reaching as far as {@link ChangeScope#ofAdminChange} says. */
    public void adminChanged(String action, String resource, @Nullable String unitId) {
        ChangeScope scope = ChangeScope.ofAdminChange(action, resource, unitId != null);
        append(scope, scope == ChangeScope.OFFICER ? ChangeScope.officerOf(resource) : null, unitId, resource);
    }

    private void append(ChangeScope scope, @Nullable String nip, @Nullable String unitId, String resource) {
        events.save(new ChangeEvent(null, scope, nip, unitId, resource, clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }
}
