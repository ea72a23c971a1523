package io.jeda.policy.domain.changes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One row of the change feed's outbox: what a committed change reaches ({@link ChangeScope}), so
 * that the caches of the gateway and attendance-service drop exactly that.
 */
@MappedEntity("change_event")
public record ChangeEvent(@Id @GeneratedValue @Nullable Long seq, ChangeScope scope, @Nullable String officerNip,
                          @Nullable String unitId, String resource, Instant changedAt) {
}
