package io.jeda.policy.domain.schedule;

import io.jeda.policy.domain.PolicySettings;
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
import io.jeda.policy.domain.plan.PlanState;
import io.jeda.policy.domain.roster.OnCallSlot;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds resolver inputs: one officer in unit "sub" (below "agency") with a standard position. */
public final class ScheduleFixtures {

    static final String NIP = "198501012010011001";
    public static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    public static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    private ScheduleFixtures() {
    }

    public static Position position(FlexiTimeKind flexi) {
        PolicySettings s = PolicySettings.defaults();
        return new Position("analyst", "Analis", true, "OFFICE,HOME", s.maxRemoteDaysPerWeek(), flexi,
                s.defaultStart(), s.startWindowBegin(), s.startWindowEnd(), s.weeklyWorkMinutes(),
                s.dailyWorkMinutes(), s.breakMinutes(), s.fridayBreakMinutes(), s.coreStart(), s.coreEnd(),
                CREATED, CREATED);
    }

    static Builder on(String date) {
        return new Builder(LocalDate.parse(date));
    }

    static final class Builder {
        LocalDate date;
        ZoneId zone = WIB;
        Position position = position(FlexiTimeKind.WINDOW);
        final List<Absence> absences = new ArrayList<>();
        final List<Plan> plans = new ArrayList<>();
        final List<DayException> exceptions = new ArrayList<>();
        final List<CalendarDay> calendar = new ArrayList<>();
        final List<RamadanPeriod> ramadan = new ArrayList<>();
        final List<OnCallSlot> slots = new ArrayList<>();

        Builder(LocalDate date) {
            this.date = date;
        }

        Builder zone(ZoneId z) {
            zone = z;
            return this;
        }

        Builder flexi(FlexiTimeKind k) {
            position = position(k);
            return this;
        }

        Builder absence(AbsenceKind kind, String from, String to, String what) {
            absences.add(new Absence("a" + absences.size(), NIP, kind, LocalDate.parse(from), LocalDate.parse(to),
                    what, CREATED));
            return this;
        }

        /** days like "MONDAY:OFFICE:07:30,WEDNESDAY:HOME:08:00". */
        Builder plan(PlanState state, String from, String to, String days) {
            plans.add(new Plan("plan" + plans.size(), NIP, LocalDate.parse(from), LocalDate.parse(to), days, state,
                    "", "", null, CREATED, CREATED, 1));
            return this;
        }

        Builder exception(PlanState state, String on, WorkPlace place, String start) {
            exceptions.add(new DayException("e" + exceptions.size(), NIP, LocalDate.parse(on), place,
                    start == null ? null : LocalTime.parse(start), state, "", "", CREATED, CREATED, 1));
            return this;
        }

        Builder calendar(CalendarDayKind kind, String on, String unitId, String what) {
            calendar.add(new CalendarDay("c" + calendar.size(), LocalDate.parse(on), kind, what, unitId, CREATED));
            return this;
        }

        /** Ramadan 1447 H with the national Ramadan settings. */
        Builder ramadan() {
            PolicySettings s = PolicySettings.defaults();
            ramadan.add(new RamadanPeriod("r1447", LocalDate.parse("2026-02-18"), LocalDate.parse("2026-03-19"),
                    s.ramadanWeeklyWorkMinutes(), s.ramadanStart(), s.ramadanBreakMinutes(),
                    s.ramadanFridayBreakMinutes(), CREATED));
            return this;
        }

        Builder slot(String start, String end, String primary, String backup) {
            slots.add(new OnCallSlot("noc", Instant.parse(start), Instant.parse(end), primary, backup, false));
            return this;
        }

        ScheduleInput input() {
            return new ScheduleInput(NIP, "sub", Set.of("sub", "agency"), zone, position, date, absences, plans,
                    exceptions, calendar, ramadan, slots);
        }

        EffectiveDay resolve() {
            return ScheduleResolver.resolve(input());
        }
    }

    static String week(DayOfWeek d, String place, String start) {
        return d.name() + ":" + place + ":" + start;
    }
}
