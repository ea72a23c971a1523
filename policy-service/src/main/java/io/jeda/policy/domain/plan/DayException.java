package io.jeda.policy.domain.plan;

import io.jeda.policy.domain.WorkPlace;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A one-day exception to a plan (for example a home day swapped for an office day). */
@MappedEntity("day_exception")
public record DayException(@Id String id, String officerNip, LocalDate onDate, WorkPlace place,
                           @Nullable LocalTime startTime, PlanState state, String note, String decisionReason,
                           Instant createdAt, Instant updatedAt, long version) {
}
