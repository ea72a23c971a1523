package io.jeda.policy.domain.schedule;

import io.jeda.policy.domain.roster.OnCallLookup;
import io.jeda.policy.domain.roster.OnCallSlot;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Stands in for the roster rules' on-call lookup until they are part of the build; secondary, so
 * the real implementation wins as soon as it exists.
 */
@Singleton
@Secondary
class EmptyOnCallLookup implements OnCallLookup {

    @Override
    public List<OnCallSlot> slotsFor(Collection<String> nips, Instant from, Instant to) {
        return List.of();
    }
}
