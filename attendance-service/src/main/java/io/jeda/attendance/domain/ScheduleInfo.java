package io.jeda.attendance.domain;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * An officer's effective schedule on one local date, as resolved by policy-service.
 *
 * @param allowedPlaces the places today's schedule allows a check-in from (empty when not working)
 * @param workStart     start of the working window (UTC), null when not working
 * @param workEnd       end of the working window (UTC), null when not working
 * @param coreStart     start of core hours (UTC), null when not working
 * @param coreEnd       end of core hours (UTC), null when not working
 * @param workMinutes   minutes of work due, excluding breaks
 * @param reason        the policy-service reason name, for example PLAN or NATIONAL_HOLIDAY
 */
public record ScheduleInfo(LocalDate date, boolean working, Set<WorkPlace> allowedPlaces,
                           @Nullable Instant workStart, @Nullable Instant workEnd,
                           @Nullable Instant coreStart, @Nullable Instant coreEnd, int workMinutes,
                           String reason) {

    public ScheduleInfo {
        allowedPlaces = Set.copyOf(allowedPlaces);
    }

    /** Whether the schedule allows a check-in in this mode. */
    public boolean allows(AttendanceMode mode) {
        return switch (mode) {
            case OFFICE -> allowedPlaces.contains(WorkPlace.OFFICE);
            case HOME -> allowedPlaces.contains(WorkPlace.HOME);
            case OTHER -> allowedPlaces.contains(WorkPlace.OTHER) || allowedPlaces.contains(WorkPlace.OTHER_OFFICE);
        };
    }
}
