package io.jeda.policy.domain.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalTime;

/**
 * A unit kerja. Its time zone is the time zone of every officer in it.
 *
 * @param id           the resource id ({@code units/{id}})
 * @param parentId     the parent unit, or null at the top
 * @param timeZone     Asia/Jakarta, Asia/Makassar or Asia/Jayapura
 * @param dayCloseTime local time at which attendance closes the day
 */
@MappedEntity("unit")
public record Unit(@Id String id, String displayName, @Nullable String parentId, String timeZone,
                   LocalTime dayCloseTime, boolean servesPublic, Instant createdAt, Instant updatedAt) {
}
