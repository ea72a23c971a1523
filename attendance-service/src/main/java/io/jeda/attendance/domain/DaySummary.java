package io.jeda.attendance.domain;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One officer-day, settled.
 *
 * @param workedMinutes minutes worked, net of the day's break allowance
 * @param dueMinutes    minutes of work the schedule asked for (excluding breaks)
 * @param coreHoursMet  whether the officer was checked in throughout core hours (false when none)
 */
public record DaySummary(String officerNip, LocalDate date, String timeZone, DayStatus status, int workedMinutes,
                         int dueMinutes, @Nullable Instant firstCheckIn, @Nullable Instant lastCheckOut,
                         boolean coreHoursMet, Set<Flag> flags, String scheduleReason, List<Session> sessions) {

    public DaySummary {
        flags = Set.copyOf(flags);
        sessions = List.copyOf(sessions);
    }
}
