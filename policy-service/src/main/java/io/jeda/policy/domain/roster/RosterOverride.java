package io.jeda.policy.domain.roster;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An officer taking [startTime, endTime) of a roster as primary. */
@MappedEntity("roster_override")
public record RosterOverride(@Id String id, String rosterId, String officerNip, Instant startTime, Instant endTime,
                             String reason, Instant createdAt) {
}
