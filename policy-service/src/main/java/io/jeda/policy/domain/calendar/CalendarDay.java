package io.jeda.policy.domain.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A holiday, collective-leave day or agency day on a local date. */
@MappedEntity("calendar_day")
public record CalendarDay(@Id String id, LocalDate onDate, CalendarDayKind kind, String description,
                          @Nullable String unitId, Instant createdAt) {
}
