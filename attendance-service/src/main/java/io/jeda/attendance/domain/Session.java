package io.jeda.attendance.domain;

import io.micronaut.core.annotation.Nullable;

/** A check-in and the check-out that closed it (null while it is open). */
public record Session(AttendanceEvent checkIn, @Nullable AttendanceEvent checkOut) {
}
