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
 * @param sessions      the recorded sessions (never the corrected ones: the events stay as recorded)
 * @param corrections   the approved corrections the day was settled with, in approval order
 */
public record DaySummary(String officerNip, LocalDate date, String timeZone, DayStatus status, int workedMinutes,
                         int dueMinutes, @Nullable Instant firstCheckIn, @Nullable Instant lastCheckOut,
                         boolean coreHoursMet, Set<Flag> flags, String scheduleReason, List<Session> sessions,
                         List<Correction> corrections) {

    public DaySummary {
        flags = Set.copyOf(flags);
        sessions = List.copyOf(sessions);
        corrections = List.copyOf(corrections);
    }

    public DaySummary(String officerNip, LocalDate date, String timeZone, DayStatus status, int workedMinutes,
                      int dueMinutes, @Nullable Instant firstCheckIn, @Nullable Instant lastCheckOut,
                      boolean coreHoursMet, Set<Flag> flags, String scheduleReason, List<Session> sessions) {
        this(officerNip, date, timeZone, status, workedMinutes, dueMinutes, firstCheckIn, lastCheckOut, coreHoursMet,
                flags, scheduleReason, sessions, List.of());
    }

    /** This day settled from corrected sessions, shown with the recorded ones and the corrections. */
    public DaySummary corrected(List<Session> recorded, List<Correction> applied) {
        return new DaySummary(officerNip, date, timeZone, status, workedMinutes, dueMinutes, firstCheckIn,
                lastCheckOut, coreHoursMet, flags, scheduleReason, recorded, applied);
    }

    /** The same day without its sessions (the month view). */
    public DaySummary withoutSessions() {
        return new DaySummary(officerNip, date, timeZone, status, workedMinutes, dueMinutes, firstCheckIn,
                lastCheckOut, coreHoursMet, flags, scheduleReason, List.of(), corrections);
    }

    /** The last approved correction, or null when the day is as recorded. */
    @Nullable
    public Correction lastCorrection() {
        return corrections.isEmpty() ? null : corrections.get(corrections.size() - 1);
    }
}
