package io.jeda.policy.domain.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An office of a unit and its geofence.
 *
 * @param id   database key, never exposed
 * @param code the office id inside its unit, as the API shows it
 */
@MappedEntity("office")
public record Office(@Id @GeneratedValue @Nullable Long id, String unitId, String code, String displayName,
                     double latitude, double longitude, int radiusMeters) {
}
