package io.jeda.policy.domain.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * One admin change: who (actor, and the scope of their token), what (action, resource, the unit it
 * belongs to), and the resource before and after as JSON ({@link Snapshots}); null before for a
 * creation and null after for a deletion.
 */
@MappedEntity("admin_change")
public record AdminChange(@Id @GeneratedValue @Nullable Long id, String actor, String scope, String action, String resource,
                          @Nullable String unitId,
                          @Nullable @MappedProperty("before_json") String before,
                          @Nullable @MappedProperty("after_json") String after,
                          Instant changedAt) {
}
