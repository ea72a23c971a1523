package io.jeda.policy.domain.schedule;

import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.roster.OnCallSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import static io.jeda.policy.domain.WorkPlace.HOME;
import static io.jeda.policy.domain.WorkPlace.OFFICE;
import static io.jeda.policy.domain.WorkPlace.OTHER;
import static io.jeda.policy.domain.calendar.AbsenceKind.LEAVE;
import static io.jeda.policy.domain.calendar.AbsenceKind.OFFICIAL_TRAVEL;
import static io.jeda.policy.domain.calendar.CalendarDayKind.AGENCY_DAY;
import static io.jeda.policy.domain.calendar.CalendarDayKind.COLLECTIVE_LEAVE;
import static io.jeda.policy.domain.calendar.CalendarDayKind.NATIONAL_HOLIDAY;
import static io.jeda.policy.domain.plan.PlanState.APPROVED;
import static io.jeda.policy.domain.plan.PlanState.REVOKED;
import static io.jeda.policy.domain.plan.PlanState.SUBMITTED;
import static io.jeda.policy.domain.schedule.ScheduleFixtures.NIP;
import static io.jeda.policy.domain.schedule.ScheduleFixtures.WIB;
import static io.jeda.policy.domain.schedule.ScheduleFixtures.WIT;
import static io.jeda.policy.domain.schedule.ScheduleFixtures.WITA;
import static io.jeda.policy.domain.schedule.ScheduleFixtures.on;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The day rules, case by case. Dates: 2026-08-10 is a Monday; 2026-08-17 (a Monday) is
 * Independence Day; Ramadan 1447 H runs 2026-02-18 to 2026-03-19 (2026-03-02 a Monday, 2026-03-06 a
 * Friday). The standard position works 450 minutes from 07:30 with a 60-minute break (90 on
 * Friday) and core hours 09:00-15:00.
 */
class ScheduleResolverTest {

    /** What a person reads off the schedule; null fields mean "unset". */
    record Expect(boolean working, ScheduleReason reason, WorkPlace place, String start, String end,
                  int workMinutes, String core, List<WorkPlace> allowed, boolean ramadan) {
    }

    static Expect works(ScheduleReason r, WorkPlace place, String start, String end, int minutes, String core,
                        List<WorkPlace> allowed) {
        return new Expect(true, r, place, start, end, minutes, core, allowed, false);
    }

    static Expect ramadan(ScheduleReason r, WorkPlace place, String start, String end, int minutes, String core,
                          List<WorkPlace> allowed) {
        return new Expect(true, r, place, start, end, minutes, core, allowed, true);
    }

    static Expect off(ScheduleReason r) {
        return new Expect(false, r, null, null, null, 0, null, List.of(), false);
    }

    static final String OFFICE_WEEK = "MONDAY:OFFICE:07:30,TUESDAY:OFFICE:07:30,WEDNESDAY:HOME:08:00,"
            + "THURSDAY:OFFICE:08:30";
    static final String NIGHT_SHIFTS = "MONDAY:OFFICE:22:00,TUESDAY:OFFICE:22:00,SATURDAY:OFFICE:07:00";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Monday without a plan: default office day", on("2026-08-10"),
                        works(ScheduleReason.POSITION_DEFAULT, OFFICE, "07:30", "16:00", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("Friday without a plan: longer Friday break", on("2026-08-14"),
                        works(ScheduleReason.POSITION_DEFAULT, OFFICE, "07:30", "16:30", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("Saturday", on("2026-08-15"), off(ScheduleReason.WEEKEND)),
                Arguments.of("Sunday", on("2026-08-16"), off(ScheduleReason.WEEKEND)),
                Arguments.of("national holiday", on("2026-08-17").calendar(NATIONAL_HOLIDAY, "2026-08-17", null,
                        "Hari Kemerdekaan"), off(ScheduleReason.NATIONAL_HOLIDAY)),
                Arguments.of("a holiday on another date changes nothing", on("2026-08-18").calendar(NATIONAL_HOLIDAY,
                                "2026-08-17", null, "Hari Kemerdekaan"),
                        works(ScheduleReason.POSITION_DEFAULT, OFFICE, "07:30", "16:00", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("collective leave", on("2026-08-18").calendar(COLLECTIVE_LEAVE, "2026-08-18", null,
                        "Cuti bersama"), off(ScheduleReason.COLLECTIVE_LEAVE)),
                Arguments.of("agency day of a parent unit", on("2026-08-19").calendar(AGENCY_DAY, "2026-08-19",
                        "agency", "HUT instansi"), off(ScheduleReason.AGENCY_DAY)),
                Arguments.of("agency day of another unit does not apply", on("2026-08-19").calendar(AGENCY_DAY,
                                "2026-08-19", "elsewhere", "HUT instansi lain"),
                        works(ScheduleReason.POSITION_DEFAULT, OFFICE, "07:30", "16:00", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("leave", on("2026-08-11").absence(LEAVE, "2026-08-10", "2026-08-12", "Cuti tahunan"),
                        off(ScheduleReason.LEAVE)),
                Arguments.of("leave beats a national holiday", on("2026-08-17").absence(LEAVE, "2026-08-17",
                                "2026-08-17", "Cuti").calendar(NATIONAL_HOLIDAY, "2026-08-17", null, "Hari Kemerdekaan"),
                        off(ScheduleReason.LEAVE)),
                Arguments.of("official travel", on("2026-08-11").absence(OFFICIAL_TRAVEL, "2026-08-11",
                                "2026-08-13", "Rapat di Makassar"),
                        works(ScheduleReason.OFFICIAL_TRAVEL, OTHER, "07:30", "16:00", 450, "09:00-15:00", List.of(OTHER))),
                Arguments.of("official travel on a Saturday is a working day", on("2026-08-15").absence(OFFICIAL_TRAVEL,
                                "2026-08-14", "2026-08-15", "Kunjungan kerja"),
                        works(ScheduleReason.OFFICIAL_TRAVEL, OTHER, "07:30", "16:00", 450, "09:00-15:00", List.of(OTHER))),
                Arguments.of("official travel beats a plan's home day", on("2026-08-12").plan(APPROVED, "2026-08-01",
                                "2026-12-31", OFFICE_WEEK).absence(OFFICIAL_TRAVEL, "2026-08-12", "2026-08-12", "Dinas"),
                        works(ScheduleReason.OFFICIAL_TRAVEL, OTHER, "07:30", "16:00", 450, "09:00-15:00", List.of(OTHER))),
                Arguments.of("Ramadan Monday: shorter day from the Ramadan start", on("2026-03-02").ramadan(),
                        ramadan(ScheduleReason.POSITION_DEFAULT, OFFICE, "08:00", "15:00", 390, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("Ramadan Friday: Ramadan Friday break", on("2026-03-06").ramadan(),
                        ramadan(ScheduleReason.POSITION_DEFAULT, OFFICE, "08:00", "15:30", 390, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("Ramadan keeps a planned start of a WINDOW position", on("2026-03-05").ramadan()
                                .plan(APPROVED, "2026-02-01", "2026-06-30", OFFICE_WEEK),
                        ramadan(ScheduleReason.PLAN, OFFICE, "08:30", "15:30", 390, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("Ramadan moves the start of a FIXED position", on("2026-03-05").ramadan()
                                .flexi(FlexiTimeKind.FIXED).plan(APPROVED, "2026-02-01", "2026-06-30", OFFICE_WEEK),
                        ramadan(ScheduleReason.PLAN, OFFICE, "08:00", "15:00", 390, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("Ramadan Saturday is still a weekend", on("2026-03-07").ramadan(), off(ScheduleReason.WEEKEND)),
                Arguments.of("approved exception: home day instead of an office day", on("2026-08-11")
                                .plan(APPROVED, "2026-08-01", "2026-12-31", OFFICE_WEEK)
                                .exception(APPROVED, "2026-08-11", HOME, "08:00"),
                        works(ScheduleReason.EXCEPTION, HOME, "08:00", "16:30", 450, "09:00-15:00", List.of(OFFICE, HOME))),
                Arguments.of("approved exception without a start keeps the plan day's start", on("2026-08-13")
                                .plan(APPROVED, "2026-08-01", "2026-12-31", OFFICE_WEEK)
                                .exception(APPROVED, "2026-08-13", HOME, null),
                        works(ScheduleReason.EXCEPTION, HOME, "08:30", "17:00", 450, "09:00-15:00", List.of(OFFICE, HOME))),
                Arguments.of("approved exception without a plan starts at the position default", on("2026-08-13")
                                .exception(APPROVED, "2026-08-13", HOME, null),
                        works(ScheduleReason.EXCEPTION, HOME, "07:30", "16:00", 450, "09:00-15:00", List.of(OFFICE, HOME))),
                Arguments.of("a submitted exception is not in force", on("2026-08-11")
                                .exception(SUBMITTED, "2026-08-11", HOME, "08:00"),
                        works(ScheduleReason.POSITION_DEFAULT, OFFICE, "07:30", "16:00", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("an exception does not beat a national holiday", on("2026-08-17")
                                .exception(APPROVED, "2026-08-17", HOME, "08:00")
                                .calendar(NATIONAL_HOLIDAY, "2026-08-17", null, "Hari Kemerdekaan"),
                        off(ScheduleReason.NATIONAL_HOLIDAY)),
                Arguments.of("an approved exception makes a Saturday an office day", on("2026-08-15")
                                .exception(APPROVED, "2026-08-15", OFFICE, "08:00"),
                        works(ScheduleReason.EXCEPTION, OFFICE, "08:00", "16:30", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("collective leave beats a plan day", on("2026-08-12")
                                .plan(APPROVED, "2026-08-01", "2026-12-31", OFFICE_WEEK)
                                .calendar(COLLECTIVE_LEAVE, "2026-08-12", null, "Cuti bersama"),
                        off(ScheduleReason.COLLECTIVE_LEAVE)),
                Arguments.of("official travel in Ramadan keeps Ramadan hours", on("2026-03-03").ramadan()
                                .absence(OFFICIAL_TRAVEL, "2026-03-03", "2026-03-03", "Dinas"),
                        ramadan(ScheduleReason.OFFICIAL_TRAVEL, OTHER, "08:00", "15:00", 390, "09:00-15:00", List.of(OTHER))),
                Arguments.of("plan home day", on("2026-08-12").plan(APPROVED, "2026-08-01", "2026-12-31", OFFICE_WEEK),
                        works(ScheduleReason.PLAN, HOME, "08:00", "16:30", 450, "09:00-15:00", List.of(OFFICE, HOME))),
                Arguments.of("plan office day", on("2026-08-10").plan(APPROVED, "2026-08-01", "2026-12-31", OFFICE_WEEK),
                        works(ScheduleReason.PLAN, OFFICE, "07:30", "16:00", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("a weekday the plan leaves free", on("2026-08-14").plan(APPROVED, "2026-08-01",
                        "2026-12-31", OFFICE_WEEK), off(ScheduleReason.WEEKEND)),
                Arguments.of("a submitted plan is not in force", on("2026-08-14").plan(SUBMITTED, "2026-08-01",
                                "2026-12-31", OFFICE_WEEK),
                        works(ScheduleReason.POSITION_DEFAULT, OFFICE, "07:30", "16:30", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("a revoked plan is not in force", on("2026-08-12").plan(REVOKED, "2026-08-01",
                                "2026-12-31", OFFICE_WEEK),
                        works(ScheduleReason.POSITION_DEFAULT, OFFICE, "07:30", "16:00", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("after its period a plan is not in force", on("2027-01-06").plan(APPROVED, "2026-08-01",
                                "2026-12-31", OFFICE_WEEK),
                        works(ScheduleReason.POSITION_DEFAULT, OFFICE, "07:30", "16:00", 450, "09:00-15:00", List.of(OFFICE))),
                Arguments.of("shift worker works a shift on a national holiday", on("2026-08-17")
                                .flexi(FlexiTimeKind.SHIFT).calendar(NATIONAL_HOLIDAY, "2026-08-17", null, "Hari Kemerdekaan")
                                .plan(APPROVED, "2026-08-01", "2026-12-31", "MONDAY:OFFICE:07:00"),
                        works(ScheduleReason.SHIFT, OFFICE, "07:00", "15:30", 450, null, List.of(OFFICE))),
                Arguments.of("shift worker works a Saturday shift", on("2026-08-15").flexi(FlexiTimeKind.SHIFT)
                                .plan(APPROVED, "2026-08-01", "2026-12-31", NIGHT_SHIFTS),
                        works(ScheduleReason.SHIFT, OFFICE, "07:00", "15:30", 450, null, List.of(OFFICE))),
                Arguments.of("shift crossing midnight", on("2026-08-11").flexi(FlexiTimeKind.SHIFT)
                                .plan(APPROVED, "2026-08-01", "2026-12-31", NIGHT_SHIFTS),
                        works(ScheduleReason.SHIFT, OFFICE, "22:00", "06:30", 450, null, List.of(OFFICE))),
                Arguments.of("shift in Ramadan keeps shift hours", on("2026-03-02").ramadan().flexi(FlexiTimeKind.SHIFT)
                                .plan(APPROVED, "2026-02-01", "2026-12-31", NIGHT_SHIFTS),
                        works(ScheduleReason.SHIFT, OFFICE, "22:00", "06:30", 450, null, List.of(OFFICE))),
                Arguments.of("shift worker's free weekday on a holiday is the holiday", on("2026-08-19")
                                .flexi(FlexiTimeKind.SHIFT).calendar(NATIONAL_HOLIDAY, "2026-08-19", null, "Libur")
                                .plan(APPROVED, "2026-08-01", "2026-12-31", NIGHT_SHIFTS),
                        off(ScheduleReason.NATIONAL_HOLIDAY)),
                Arguments.of("leave beats a shift", on("2026-08-11").flexi(FlexiTimeKind.SHIFT)
                                .plan(APPROVED, "2026-08-01", "2026-12-31", NIGHT_SHIFTS)
                                .absence(LEAVE, "2026-08-11", "2026-08-11", "Cuti sakit"),
                        off(ScheduleReason.LEAVE))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesTheDay(String name, ScheduleFixtures.Builder given, Expect expected) {
        EffectiveDay day = given.resolve();
        assertAll(name,
                () -> assertEquals(expected.working(), day.working(), "working"),
                () -> assertEquals(expected.reason(), day.reason(), "reason"),
                () -> assertEquals(expected.place(), day.place(), "place"),
                () -> assertEquals(expected.start(), day.work() == null ? null : day.work().start().toString(), "start"),
                () -> assertEquals(expected.end(), day.work() == null ? null : day.work().end().toString(), "end"),
                () -> assertEquals(expected.workMinutes(), day.workMinutes(), "work minutes"),
                () -> assertEquals(expected.core(), day.core() == null ? null
                        : day.core().start() + "-" + day.core().end(), "core"),
                () -> assertEquals(expected.allowed(), day.allowedPlaces(), "allowed places"),
                () -> assertEquals(expected.ramadan(), day.ramadan(), "ramadan"),
                () -> assertEquals(NIP, day.officerNip()),
                () -> assertEquals(given.date, day.date()),
                () -> assertFalse(day.description().isBlank(), "description"));
    }

    @Test
    void holidayDescriptionNamesTheHoliday() {
        EffectiveDay day = on("2026-08-17").calendar(NATIONAL_HOLIDAY, "2026-08-17", null, "Hari Kemerdekaan").resolve();
        assertEquals("Libur nasional: Hari Kemerdekaan", day.description());
    }

    @Test
    void planDescriptionSaysWhereAndWhen() {
        EffectiveDay day = on("2026-08-12").plan(APPROVED, "2026-08-01", "2026-12-31", OFFICE_WEEK).resolve();
        assertEquals("Rencana FWA: bekerja dari rumah 08:00–16:30", day.description());
        assertEquals("plan0", day.planId());
    }

    @Test
    void planIdIsKeptOnADayThePlanLeavesFreeAndOmittedWithoutPlan() {
        assertEquals("plan0", on("2026-08-14").plan(APPROVED, "2026-08-01", "2026-12-31", OFFICE_WEEK).resolve().planId());
        assertNull(on("2026-08-14").resolve().planId());
    }

    @Test
    void notWorkingHasNoWindowsAndNoPlaces() {
        EffectiveDay day = on("2026-08-15").resolve();
        assertNull(day.work());
        assertNull(day.core());
        assertNull(day.place());
        assertTrue(day.allowedPlaces().isEmpty());
        assertEquals(0, day.workMinutes());
    }

    @Test
    void shiftCrossingMidnightEndsOnTheNextDay() {
        EffectiveDay day = on("2026-08-11").flexi(FlexiTimeKind.SHIFT)
                .plan(APPROVED, "2026-08-01", "2026-12-31", NIGHT_SHIFTS).resolve();
        assertEquals(Instant.parse("2026-08-11T15:00:00Z"), day.work().startTime());
        assertEquals(Instant.parse("2026-08-11T23:30:00Z"), day.work().endTime());
        assertTrue(day.work().endsNextDay(day.date(), WIB));
        assertNull(day.core(), "core hours do not apply to shifts");
        assertTrue(day.description().contains("berakhir hari berikutnya"), day.description());
    }

    @Test
    void theSameLocalStartIsADifferentInstantInEachZone() {
        Instant wib = on("2026-08-10").zone(WIB).resolve().work().startTime();
        Instant wita = on("2026-08-10").zone(WITA).resolve().work().startTime();
        Instant wit = on("2026-08-10").zone(WIT).resolve().work().startTime();
        assertEquals(Instant.parse("2026-08-10T00:30:00Z"), wib);
        assertEquals(Instant.parse("2026-08-09T23:30:00Z"), wita);
        assertEquals(Instant.parse("2026-08-09T22:30:00Z"), wit, "07:30 WIT is still the previous day in UTC");
        assertEquals(Duration.ofHours(2), Duration.between(wit, wib));
        assertEquals(LocalTime.of(7, 30), on("2026-08-10").zone(WIT).resolve().work().start());
    }

    @Test
    void onCallSlotsOverlappingTheLocalDayAreListedForTheOfficerOnly() {
        // Local day 2026-08-10 in WIT is [2026-08-09T15:00Z, 2026-08-10T15:00Z).
        EffectiveDay day = on("2026-08-10").zone(WIT)
                .slot("2026-08-09T09:00:00Z", "2026-08-09T15:00:00Z", NIP, null)          // ends as the day starts
                .slot("2026-08-09T12:00:00Z", "2026-08-09T18:00:00Z", "199001012015012002", NIP) // backup, overlaps
                .slot("2026-08-10T14:00:00Z", "2026-08-10T20:00:00Z", NIP, null)          // overlaps the end
                .slot("2026-08-10T15:00:00Z", "2026-08-10T21:00:00Z", NIP, null)          // next local day
                .slot("2026-08-10T01:00:00Z", "2026-08-10T05:00:00Z", "199001012015012002", null) // someone else
                .resolve();
        assertEquals(List.of(Instant.parse("2026-08-09T12:00:00Z"), Instant.parse("2026-08-10T14:00:00Z")),
                day.onCall().stream().map(OnCallSlot::start).toList());
    }

    @Test
    void onCallIsKeptOnADayOff() {
        EffectiveDay day = on("2026-08-15").slot("2026-08-15T01:00:00Z", "2026-08-15T09:00:00Z", NIP, null).resolve();
        assertFalse(day.working());
        assertEquals(1, day.onCall().size());
    }

    @Test
    void coreHoursAreClippedToTheWorkingWindow() {
        // Exception starting 10:00: working 10:00-18:30, core 09:00-15:00 clipped to 10:00-15:00.
        EffectiveDay day = on("2026-08-11").exception(APPROVED, "2026-08-11", HOME, "10:00").resolve();
        assertEquals(LocalTime.of(10, 0), day.core().start());
        assertEquals(LocalTime.of(15, 0), day.core().end());
    }

    @Test
    void datesAreLocalToTheGivenZone() {
        EffectiveDay day = on("2026-08-10").zone(WIT).resolve();
        assertEquals(WIT, day.zone());
        assertEquals(LocalDate.parse("2026-08-10"), day.work().startTime().atZone(WIT).toLocalDate());
    }
}
