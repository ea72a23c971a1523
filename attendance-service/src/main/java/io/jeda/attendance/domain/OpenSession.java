package io.jeda.attendance.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The one open check-in of an officer. Its primary key (the NIP) is what makes "already checked
 * in" and "not checked in" database-enforced, and it is the whole answer to "checked in now?".
 *
 * @param closeAt     when the end-of-day rule may close it (the unit's day-close time on
 *                    localDate), so the rule reads only the sessions that are due
 * @param receiveTime when the check-in reached the server
 */
@MappedEntity("open_session")
public record OpenSession(@Id String officerNip, String checkInId, AttendanceMode mode, Instant since,
                          LocalDate localDate, String timeZone, @Nullable String unitId, boolean unverified,
                          Instant closeAt, Instant receiveTime) {
}
