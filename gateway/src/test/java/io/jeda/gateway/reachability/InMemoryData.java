package io.jeda.gateway.reachability;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory stand-in for policy-service and attendance-service behind the engine's port. Schedules
 * are generated from the national default (Monday to Thursday 07:30–16:00, Friday 07:30–16:30, core
 * 09:00–15:00, at the office) and bent by leave, holidays, places, shifts; the on-call slots of each
 * officer's schedule come from the same roster slots the unit lookup answers, so both views agree.
 */
final class InMemoryData implements ReachabilityData {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    private record DayOverride(WorkPlace place, ScheduleReason reason) {
    }

    private record Shift(LocalTime start, LocalTime end) {
    }

    private record UnitSlot(String unitId, OnCallSlot slot) {
    }

    private final Map<String, OfficerProfile> officers = new HashMap<>();
    private final Map<String, Set<LocalDate>> leave = new HashMap<>();
    private final Map<LocalDate, ScheduleReason> holidays = new HashMap<>();
    private final Map<String, Map<LocalDate, DayOverride>> overrides = new HashMap<>();
    private final Map<String, Shift> shifts = new HashMap<>();
    private final List<UnitSlot> slots = new ArrayList<>();
    private final Map<String, AttendanceNow> attendance = new HashMap<>();
    private final Map<String, List<String>> backups = new HashMap<>();
    boolean policyDown;
    boolean schedulesDown;
    boolean attendanceDown;
    /** Schedules of dates after this one are unavailable (the lookahead call fails). */
    LocalDate schedulesDownAfter;
    int scheduleReads;

    InMemoryData officer(String nip, String name, String unit, ZoneId zone, String manager) {
        officers.put(nip, new OfficerProfile(nip, name, unit, zone, manager));
        return this;
    }

    ZoneId zoneOf(String nip) {
        return officers.get(nip).zone();
    }

    Instant at(String nip, String monthDayTime) {
        return at(zoneOf(nip), monthDayTime);
    }

    /** "03-02 10:00" in 2026, local to the zone. */
    static Instant at(ZoneId zone, String monthDayTime) {
        return LocalDateTime.parse("2026-" + monthDayTime.replace(' ', 'T')).atZone(zone).toInstant();
    }

    static LocalDate date(String monthDay) {
        return LocalDate.parse("2026-" + monthDay);
    }

    InMemoryData leave(String nip, String fromMonthDay, String toMonthDay) {
        for (LocalDate d = date(fromMonthDay); !d.isAfter(date(toMonthDay)); d = d.plusDays(1)) {
            leave.computeIfAbsent(nip, k -> new HashSet<>()).add(d);
        }
        return this;
    }

    InMemoryData holiday(String monthDay, ScheduleReason reason) {
        holidays.put(date(monthDay), reason);
        return this;
    }

    InMemoryData place(String nip, String monthDay, WorkPlace place, ScheduleReason reason) {
        overrides.computeIfAbsent(nip, k -> new HashMap<>()).put(date(monthDay), new DayOverride(place, reason));
        return this;
    }

    /** The officer works a shift every day of the week (holidays do not stop shifts). */
    InMemoryData shift(String nip, String start, String end) {
        shifts.put(nip, new Shift(LocalTime.parse(start), LocalTime.parse(end)));
        return this;
    }

    /** A slot of one of the unit's rosters, local times in the zone of the unit's first officer. */
    InMemoryData slot(String unit, String roster, ZoneId zone, String from, String to, String primary,
                      String backup) {
        slots.add(new UnitSlot(unit, new OnCallSlot(roster, at(zone, from), at(zone, to), primary, backup)));
        return this;
    }

    InMemoryData attendance(String nip, AttendanceNow now) {
        attendance.put(nip, now);
        return this;
    }

    InMemoryData checkIn(String nip, WorkLocation mode, String monthDayTime) {
        return attendance(nip, AttendanceNow.checkedIn(mode, at(nip, monthDayTime)));
    }

    InMemoryData checkedOut(String nip, String monthDayTime) {
        return attendance(nip, AttendanceNow.checkedOut(at(nip, monthDayTime)));
    }

    InMemoryData backups(String nip, String... nips) {
        backups.put(nip, List.of(nips));
        return this;
    }

    @Override
    public Sourced<OfficerProfile> officer(String nip) {
        return policyDown ? Sourced.unavailable(Sources.POLICY) : Sourced.of(officers.get(nip));
    }

    @Override
    public Sourced<DaySchedule> schedule(String nip, LocalDate date) {
        scheduleReads++;
        if (policyDown || schedulesDown || (schedulesDownAfter != null && date.isAfter(schedulesDownAfter))) {
            return Sourced.unavailable(Sources.POLICY);
        }
        OfficerProfile p = officers.get(nip);
        return Sourced.of(p == null ? null : build(p, date));
    }

    private DaySchedule build(OfficerProfile p, LocalDate date) {
        ZoneId zone = p.zone();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<OnCallSlot> onCall = slots.stream().map(UnitSlot::slot)
                .filter(s -> s.involves(p.nip()) && s.start().isBefore(dayEnd) && s.end().isAfter(dayStart))
                .toList();
        if (leave.getOrDefault(p.nip(), Set.of()).contains(date)) {
            return new DaySchedule(p.nip(), date, zone, false, ScheduleReason.LEAVE, null, null, null, onCall);
        }
        Shift shift = shifts.get(p.nip());
        if (shift != null) {
            Instant start = date.atTime(shift.start()).atZone(zone).toInstant();
            LocalDate endDate = shift.end().isAfter(shift.start()) ? date : date.plusDays(1);
            Instant end = endDate.atTime(shift.end()).atZone(zone).toInstant();
            return new DaySchedule(p.nip(), date, zone, true, ScheduleReason.SHIFT, WorkPlace.OFFICE,
                    new TimeWindow(start, end), null, onCall);
        }
        ScheduleReason holiday = holidays.get(date);
        if (holiday != null) {
            return new DaySchedule(p.nip(), date, zone, false, holiday, null, null, null, onCall);
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return new DaySchedule(p.nip(), date, zone, false, ScheduleReason.WEEKEND, null, null, null, onCall);
        }
        DayOverride o = overrides.getOrDefault(p.nip(), Map.of()).get(date);
        LocalTime end = date.getDayOfWeek() == DayOfWeek.FRIDAY ? LocalTime.of(16, 30) : LocalTime.of(16, 0);
        TimeWindow work = new TimeWindow(date.atTime(7, 30).atZone(zone).toInstant(),
                date.atTime(end).atZone(zone).toInstant());
        TimeWindow core = new TimeWindow(date.atTime(9, 0).atZone(zone).toInstant(),
                date.atTime(15, 0).atZone(zone).toInstant());
        return new DaySchedule(p.nip(), date, zone, true,
                o == null ? ScheduleReason.POSITION_DEFAULT : o.reason(),
                o == null ? WorkPlace.OFFICE : o.place(), work, core, onCall);
    }

    @Override
    public Sourced<AttendanceNow> attendance(String nip) {
        return attendanceDown ? Sourced.unavailable(Sources.ATTENDANCE)
                : Sourced.of(attendance.getOrDefault(nip, AttendanceNow.none()));
    }

    @Override
    public Sourced<List<OnCallSlot>> onCallSlots(String unitId, Instant at) {
        if (policyDown) {
            return Sourced.unavailable(Sources.POLICY);
        }
        return Sourced.of(slots.stream().filter(s -> s.unitId().equals(unitId) && s.slot().covers(at))
                .map(UnitSlot::slot).toList());
    }

    @Override
    public Sourced<List<String>> namedBackups(String nip) {
        return policyDown ? Sourced.unavailable(Sources.POLICY) : Sourced.of(backups.getOrDefault(nip, List.of()));
    }
}
