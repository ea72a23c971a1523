package io.jeda.attendance.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rest and hours of one officer's month, from the month's events and schedules (loaded beforehand):
 * the hours are settled day by day exactly as the recap settles them, so both reports agree.
 * A check-out made by the end-of-day rule says nothing about when the officer stopped, so it
 * counts neither as a late check-out nor as the start of a rest.
 */
public final class WellbeingRules {

    private WellbeingRules() {
    }

    /**
     * @param schedules the officer's schedules of the month's dates
     * @param events    the officer's events from the day before the month to the day after it
     */
    public static OfficerWellbeing month(String nip, ZoneId zone, YearMonth month, List<ScheduleInfo> schedules,
                                         List<AttendanceEvent> events, LocalTime close, Instant now,
                                         AttendanceSettings settings, WellbeingSettings wellbeing) {
        Map<String, AttendanceEvent> checkOuts = new HashMap<>();
        for (AttendanceEvent e : events) {
            if (e.kind() == EventKind.CHECK_OUT && e.checkInId() != null) {
                checkOuts.put(e.checkInId(), e);
            }
        }
        Map<LocalDate, List<Session>> byDate = new TreeMap<>();
        for (AttendanceEvent e : events) {
            if (e.kind() == EventKind.CHECK_IN) {
                byDate.computeIfAbsent(e.localDate(), d -> new ArrayList<>()).add(new Session(e, checkOuts.get(e.id())));
            }
        }
        int worked = 0;
        int due = 0;
        int late = 0;
        for (ScheduleInfo schedule : schedules) {
            LocalDate date = schedule.date();
            if (!YearMonth.from(date).equals(month)) {
                continue;
            }
            List<Session> sessions = byDate.getOrDefault(date, List.of());
            boolean closed = !now.isBefore(date.atTime(close).atZone(zone).toInstant());
            DaySummary day = DayRules.settle(nip, date, zone.getId(), schedule, sessions, closed, now, settings);
            worked += day.workedMinutes();
            due += day.dueMinutes();
            Instant lastOut = lastOwnCheckOut(sessions);
            if (schedule.working() && schedule.workEnd() != null && lastOut != null
                    && lastOut.isAfter(schedule.workEnd().plus(wellbeing.lateCheckOutGrace()))) {
                late++;
            }
        }
        // Rests: from a worked day's last own check-out to the next worked day's first check-in.
        int shortRests = 0;
        long shortest = -1;
        Instant previousOut = null;
        for (Map.Entry<LocalDate, List<Session>> d : byDate.entrySet()) {
            Instant firstIn = d.getValue().stream().map(s -> s.checkIn().recordTime()).min(Instant::compareTo)
                    .orElseThrow();
            if (previousOut != null && YearMonth.from(d.getKey()).equals(month) && !firstIn.isBefore(previousOut)) {
                Duration rest = Duration.between(previousOut, firstIn);
                if (rest.compareTo(wellbeing.minimumRest()) < 0) {
                    shortRests++;
                }
                if (shortest < 0 || rest.toMinutes() < shortest) {
                    shortest = rest.toMinutes();
                }
            }
            previousOut = lastOwnCheckOut(d.getValue());
        }
        return new OfficerWellbeing(nip, worked, due, late, shortRests, (int) Math.max(0, shortest));
    }

    private static Instant lastOwnCheckOut(List<Session> sessions) {
        Instant last = null;
        for (Session s : sessions) {
            if (s.checkOut() != null && !s.checkOut().flagSet().contains(Flag.AUTO_CHECKOUT)
                    && (last == null || s.checkOut().recordTime().isAfter(last))) {
                last = s.checkOut().recordTime();
            }
        }
        return last;
    }
}
