package io.jeda.policy.domain.roster;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An on-call roster (piket) of a critical function: members rotate in turns of fixed length.
 * {@code swapNeedsApproval}: whether a swap two members agreed on also waits for the proposer's manager.
 */
@MappedEntity("roster")
public record Roster(@Id String id, String displayName, String unitId, int turnHours, Instant startTime,
                     int maxHoursPerWeek, Instant createdAt, Instant updatedAt, boolean swapNeedsApproval) {
}
