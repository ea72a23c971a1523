package io.jeda.policy.domain.schedule;

import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.calendar.Absence;
import io.jeda.policy.domain.calendar.AbsenceKind;
import io.jeda.policy.domain.calendar.CalendarDay;
import io.jeda.policy.domain.calendar.CalendarDayKind;
import io.jeda.policy.domain.calendar.RamadanPeriod;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.plan.DayException;
import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.plan.PlanDay;
import io.jeda.policy.domain.plan.PlanState;
import io.jeda.policy.domain.roster.OnCallSlot;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The day rules of DESIGN.md, as one pure function from plain inputs to an {@link EffectiveDay}.
 * It is kept free of repositories, clocks and Micronaut so that every rule can be tested with many
 * cases, and so that a batch of officers costs a few queries and then only arithmetic.
 * <p>
 * Precedence, highest first: leave; official travel; a shift of a SHIFT position's plan; national
 * holiday, collective leave, agency day (of the unit or any ancestor); an approved one-day
 * exception; the approved plan in force (a weekday it leaves free is a day off); otherwise the
 * position's default Monday-to-Friday office day.
 */
public final class ScheduleResolver {

    /**
     * Ramadan periods give weekly hours; the national rule spreads them over the Monday-to-Friday
     * working week, the same five days rule 7 works by default.
     */
    static final int WORKING_DAYS_PER_WEEK = 5;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Map<WorkPlace, String> PLACE_NAMES = Map.of(
            WorkPlace.OFFICE, "kantor", WorkPlace.HOME, "rumah",
            WorkPlace.OTHER_OFFICE, "kantor lain", WorkPlace.OTHER, "tempat lain");
    private static final Map<DayOfWeek, String> DAY_NAMES = Map.of(
            DayOfWeek.MONDAY, "Senin", DayOfWeek.TUESDAY, "Selasa", DayOfWeek.WEDNESDAY, "Rabu",
            DayOfWeek.THURSDAY, "Kamis", DayOfWeek.FRIDAY, "Jumat", DayOfWeek.SATURDAY, "Sabtu",
            DayOfWeek.SUNDAY, "Minggu");

    private ScheduleResolver() {
    }

    /** Resolves one officer on one local date. */
    public static EffectiveDay resolve(ScheduleInput in) {
        Objects.requireNonNull(in.position(), "position");
        LocalDate date = in.date();
        Position position = in.position();
        List<OnCallSlot> onCall = onCallOf(in);
        Optional<Plan> plan = planInForce(in);
        String planId = plan.map(Plan::id).orElse(null);
        PlanDay planDay = plan.flatMap(p -> dayOf(p, date.getDayOfWeek())).orElse(null);
        RamadanPeriod ramadan = in.ramadanPeriods().stream().filter(r -> r.covers(date)).findFirst().orElse(null);
        Day day = new Day(in, planId, onCall, ramadan);

        Optional<Absence> leave = absence(in, AbsenceKind.LEAVE);
        if (leave.isPresent()) {
            return day.off(ScheduleReason.LEAVE, labelled("Cuti", leave.get().description()));
        }
        Optional<Absence> travel = absence(in, AbsenceKind.OFFICIAL_TRAVEL);
        if (travel.isPresent()) {
            return day.working(ScheduleReason.OFFICIAL_TRAVEL, WorkPlace.OTHER, List.of(WorkPlace.OTHER),
                    position.defaultStart(), true, inParentheses("Dinas luar", travel.get().description()));
        }
        if (position.flexiTime() == FlexiTimeKind.SHIFT && planDay != null) {
            return day.working(ScheduleReason.SHIFT, planDay.place(), officeAnd(planDay.place()), planDay.start(),
                    false, "Shift");
        }
        Optional<CalendarDay> national = calendar(in, CalendarDayKind.NATIONAL_HOLIDAY);
        if (national.isPresent()) {
            return day.off(ScheduleReason.NATIONAL_HOLIDAY, labelled("Libur nasional", national.get().description()));
        }
        Optional<CalendarDay> collective = calendar(in, CalendarDayKind.COLLECTIVE_LEAVE);
        if (collective.isPresent()) {
            return day.off(ScheduleReason.COLLECTIVE_LEAVE, labelled("Cuti bersama", collective.get().description()));
        }
        Optional<CalendarDay> agency = calendar(in, CalendarDayKind.AGENCY_DAY);
        if (agency.isPresent()) {
            return day.off(ScheduleReason.AGENCY_DAY, labelled("Libur instansi", agency.get().description()));
        }
        Optional<DayException> exception = in.exceptions().stream()
                .filter(e -> e.state() == PlanState.APPROVED && date.equals(e.onDate()))
                .max(Comparator.comparing(DayException::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (exception.isPresent()) {
            DayException e = exception.get();
            LocalTime start = e.startTime() != null ? e.startTime()
                    : planDay != null ? planDay.start() : position.defaultStart();
            boolean defaultStart = e.startTime() == null && planDay == null;
            return day.working(ScheduleReason.EXCEPTION, e.place(), officeAnd(e.place()), start, defaultStart,
                    "Pengecualian disetujui");
        }
        if (plan.isPresent()) {
            if (planDay != null) {
                return day.working(ScheduleReason.PLAN, planDay.place(), officeAnd(planDay.place()), planDay.start(),
                        false, "Rencana FWA");
            }
            return day.off(ScheduleReason.WEEKEND,
                    "Rencana FWA: tidak bekerja pada hari " + DAY_NAMES.get(date.getDayOfWeek()));
        }
        if (isWeekend(date.getDayOfWeek())) {
            return day.off(ScheduleReason.WEEKEND, "Akhir pekan: tidak bekerja");
        }
        return day.working(ScheduleReason.POSITION_DEFAULT, WorkPlace.OFFICE, List.of(WorkPlace.OFFICE),
                position.defaultStart(), true, "Hari kerja biasa");
    }

    private static boolean isWeekend(DayOfWeek d) {
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** An officer has at most one plan in force; should data disagree, the latest approved wins. */
    private static Optional<Plan> planInForce(ScheduleInput in) {
        return in.plans().stream()
                .filter(p -> p.state() == PlanState.APPROVED && p.covers(in.date()))
                .max(Comparator.comparing(Plan::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static Optional<PlanDay> dayOf(Plan plan, DayOfWeek weekday) {
        return PlanDay.decode(plan.days()).stream().filter(d -> d.dayOfWeek() == weekday).findFirst();
    }

    private static Optional<Absence> absence(ScheduleInput in, AbsenceKind kind) {
        return in.absences().stream()
                .filter(a -> a.kind() == kind && in.officerNip().equals(a.officerNip()) && a.covers(in.date()))
                .findFirst();
    }

    /** National days apply to everyone; an agency day to its unit and every unit below it. */
    private static Optional<CalendarDay> calendar(ScheduleInput in, CalendarDayKind kind) {
        return in.calendarDays().stream()
                .filter(c -> c.kind() == kind && in.date().equals(c.onDate()))
                .filter(c -> kind != CalendarDayKind.AGENCY_DAY
                        || (c.unitId() != null && in.unitLineage().contains(c.unitId())))
                .findFirst();
    }

    private static List<OnCallSlot> onCallOf(ScheduleInput in) {
        ZoneId zone = in.zone();
        var from = in.date().atStartOfDay(zone).toInstant();
        var to = in.date().plusDays(1).atStartOfDay(zone).toInstant();
        String nip = in.officerNip();
        return in.onCallSlots().stream()
                .filter(s -> nip.equals(s.primaryNip()) || nip.equals(s.backupNip()))
                .filter(s -> s.start().isBefore(to) && s.end().isAfter(from))
                .sorted(Comparator.comparing(OnCallSlot::start))
                .toList();
    }

    private static List<WorkPlace> officeAnd(WorkPlace place) {
        return List.copyOf(EnumSet.of(WorkPlace.OFFICE, place));
    }

    private static String labelled(String label, String detail) {
        return detail == null || detail.isBlank() ? label : label + ": " + detail.strip();
    }

    private static String inParentheses(String label, String detail) {
        return detail == null || detail.isBlank() ? label : label + " (" + detail.strip() + ")";
    }

    /** The parts of a day shared by every outcome, and the arithmetic of working hours. */
    private record Day(ScheduleInput in, String planId, List<OnCallSlot> onCall, RamadanPeriod ramadan) {

        EffectiveDay off(ScheduleReason reason, String description) {
            return new EffectiveDay(in.officerNip(), in.unitId(), in.date(), in.zone(), false, reason, null,
                    List.of(), null, null, 0, false, planId, onCall, description);
        }

        /**
         * @param defaultStart whether the start is the position's default rather than one the
         *                     officer planned; Ramadan moves default starts (and those of FIXED positions)
         */
        EffectiveDay working(ScheduleReason reason, WorkPlace place, List<WorkPlace> allowed, LocalTime start,
                             boolean defaultStart, String label) {
            Position position = in.position();
            LocalDate date = in.date();
            boolean friday = date.getDayOfWeek() == DayOfWeek.FRIDAY;
            boolean ramadanHours = ramadan != null && reason != ScheduleReason.SHIFT;
            int workMinutes;
            int breakMinutes;
            if (ramadanHours) {
                workMinutes = ramadan.weeklyWorkMinutes() / WORKING_DAYS_PER_WEEK;
                breakMinutes = friday ? ramadan.fridayBreakMinutes() : ramadan.breakMinutes();
                if (defaultStart || position.flexiTime() == FlexiTimeKind.FIXED) {
                    start = ramadan.startTime();
                }
            } else {
                workMinutes = position.dailyWorkMinutes();
                breakMinutes = friday ? position.fridayBreakMinutes() : position.breakMinutes();
            }
            LocalDateTime begin = date.atTime(start);
            LocalDateTime end = begin.plusMinutes(workMinutes + (long) breakMinutes);
            ScheduleWindow work = ScheduleWindow.of(begin, end, in.zone());
            ScheduleWindow core = reason == ScheduleReason.SHIFT ? null
                    : clip(date.atTime(position.coreStart()), date.atTime(position.coreEnd()), begin, end);
            String description = label + ": bekerja dari " + PLACE_NAMES.get(place) + " " + HH_MM.format(begin)
                    + "–" + HH_MM.format(end) + (end.toLocalDate().isAfter(date) ? " (berakhir hari berikutnya)" : "")
                    + (ramadanHours ? ", jam kerja Ramadan" : "");
            return new EffectiveDay(in.officerNip(), in.unitId(), date, in.zone(), true, reason, place, allowed,
                    work, core, workMinutes, ramadanHours, planId, onCall, description);
        }

        /** Core hours only bind inside the working window; none when they do not meet it. */
        private ScheduleWindow clip(LocalDateTime coreStart, LocalDateTime coreEnd, LocalDateTime begin,
                                    LocalDateTime end) {
            LocalDateTime from = coreStart.isAfter(begin) ? coreStart : begin;
            LocalDateTime to = coreEnd.isBefore(end) ? coreEnd : end;
            return from.isBefore(to) ? ScheduleWindow.of(from, to, in.zone()) : null;
        }
    }
}
