package io.jeda.attendance.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Settles an officer-day from its schedule and its sessions. The order of the rules is the order a
 * person reading the recap cares about:
 * <ol>
 *   <li>leave → ON_LEAVE; national holiday, collective leave, agency day → HOLIDAY; any other
 *       non-working day → OFF_DAY (even if the officer came in);</li>
 *   <li>a working day that has not closed yet → PENDING;</li>
 *   <li>no check-in → ABSENT;</li>
 *   <li>net worked minutes below those due → INCOMPLETE_HOURS;</li>
 *   <li>first check-in after the planned start plus the grace → LATE;</li>
 *   <li>last check-out before the planned end → EARLY_LEAVE;</li>
 *   <li>otherwise PRESENT.</li>
 * </ol>
 * Worked minutes are the checked-in time net of the day's break allowance (the working window
 * minus the minutes due). A session closed by the end-of-day rule counts only up to the planned
 * end of work: a forgotten check-out earns no hours after it.
 */
public final class DayRules {

    private static final Set<String> HOLIDAYS = Set.of("NATIONAL_HOLIDAY", "COLLECTIVE_LEAVE", "AGENCY_DAY");

    private DayRules() {
    }

    public static DaySummary settle(String nip, LocalDate date, String zone, ScheduleInfo schedule,
                                    List<Session> sessions, boolean closed, Instant now, AttendanceSettings s) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Instant firstIn = null;
        Instant lastOut = null;
        boolean anyOpen = false;
        long grossSeconds = 0;
        List<Instant[]> intervals = new ArrayList<>();
        for (Session session : sessions) {
            flags.addAll(session.checkIn().flagSet());
            Instant start = session.checkIn().recordTime();
            if (firstIn == null || start.isBefore(firstIn)) {
                firstIn = start;
            }
            Instant end;
            if (session.checkOut() == null) {
                anyOpen = true;
                end = closed ? start : now;
            } else {
                flags.addAll(session.checkOut().flagSet());
                Instant out = session.checkOut().recordTime();
                if (lastOut == null || out.isAfter(lastOut)) {
                    lastOut = out;
                }
                end = out;
                if (session.checkOut().flagSet().contains(Flag.AUTO_CHECKOUT) && schedule.workEnd() != null) {
                    end = min(out, max(start, schedule.workEnd()));
                }
            }
            if (end.isAfter(start)) {
                grossSeconds += Duration.between(start, end).toSeconds();
                intervals.add(new Instant[]{start, end});
            }
        }
        int grossMinutes = (int) (grossSeconds / 60);
        int breakAllowance = 0;
        if (schedule.working() && schedule.workStart() != null && schedule.workEnd() != null) {
            int window = (int) Duration.between(schedule.workStart(), schedule.workEnd()).toMinutes();
            breakAllowance = Math.max(0, window - schedule.workMinutes());
        }
        int worked = Math.max(0, grossMinutes - breakAllowance);
        boolean core = covers(intervals, schedule.coreStart(), schedule.coreEnd());

        DayStatus status;
        if (schedule.reason().equals("LEAVE")) {
            status = DayStatus.ON_LEAVE;
        } else if (HOLIDAYS.contains(schedule.reason())) {
            status = DayStatus.HOLIDAY;
        } else if (!schedule.working()) {
            status = DayStatus.OFF_DAY;
        } else if (!closed) {
            status = DayStatus.PENDING;
        } else if (sessions.isEmpty()) {
            status = DayStatus.ABSENT;
        } else if (worked < schedule.workMinutes()) {
            status = DayStatus.INCOMPLETE_HOURS;
        } else if (schedule.workStart() != null && firstIn.isAfter(schedule.workStart().plus(s.lateGrace()))) {
            status = DayStatus.LATE;
        } else if (schedule.workEnd() != null && (anyOpen || lastOut == null || lastOut.isBefore(schedule.workEnd()))) {
            status = DayStatus.EARLY_LEAVE;
        } else {
            status = DayStatus.PRESENT;
        }
        return new DaySummary(nip, date, zone, status, worked, schedule.working() ? schedule.workMinutes() : 0,
                firstIn, lastOut, core, flags, schedule.reason(), sessions);
    }

    /** Whether the union of the intervals covers [from, to]; false when there is no window. */
    static boolean covers(List<Instant[]> intervals, Instant from, Instant to) {
        if (from == null || to == null) {
            return false;
        }
        List<Instant[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(i -> i[0]));
        Instant reached = from;
        for (Instant[] i : sorted) {
            if (i[0].isAfter(reached)) {
                return false;
            }
            if (i[1].isAfter(reached)) {
                reached = i[1];
            }
            if (!reached.isBefore(to)) {
                return true;
            }
        }
        return !reached.isBefore(to);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
