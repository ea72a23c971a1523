package io.jeda.policy;

import com.google.type.Date;
import com.google.type.TimeOfDay;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.Absence;
import io.jeda.policy.v1.AbsenceKind;
import io.jeda.policy.v1.CalendarDay;
import io.jeda.policy.v1.CalendarDayKind;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.CreateAbsenceRequest;
import io.jeda.policy.v1.CreateCalendarDayRequest;
import io.jeda.policy.v1.CreateRamadanPeriodRequest;
import io.jeda.policy.v1.DeleteAbsenceRequest;
import io.jeda.policy.v1.DeleteCalendarDayRequest;
import io.jeda.policy.v1.ListAbsencesRequest;
import io.jeda.policy.v1.ListAbsencesResponse;
import io.jeda.policy.v1.ListCalendarDaysRequest;
import io.jeda.policy.v1.ListCalendarDaysResponse;
import io.jeda.policy.v1.ListRamadanPeriodsRequest;
import io.jeda.policy.v1.ListRamadanPeriodsResponse;
import io.jeda.policy.v1.RamadanPeriod;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.policy.UnitFixtures.ADMIN;
import static io.jeda.policy.UnitFixtures.MANAGER_NIP;
import static io.jeda.policy.UnitFixtures.OFFICER_NIP;
import static io.jeda.policy.UnitFixtures.OTHER_NIP;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CalendarService through real stubs on the test database, with the team of {@link UnitFixtures#team}. */
class CalendarEndpointTest extends UnitApiTestBase {

    @BeforeEach
    void team() {
        UnitFixtures.team(channel);
    }

    private CalendarServiceGrpc.CalendarServiceBlockingStub as(String subject, Role... roles) {
        return CalendarServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    private CalendarServiceGrpc.CalendarServiceBlockingStub admin() {
        return as(ADMIN, Role.ADMIN);
    }

    private static Date date(int y, int m, int d) {
        return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
    }

    private static CreateCalendarDayRequest day(Date date, CalendarDayKind kind, String unit) {
        return CreateCalendarDayRequest.newBuilder().setCalendarDay(CalendarDay.newBuilder().setDate(date).setKind(kind)
                .setDescription("Libur " + date.getMonth() + "-" + date.getDay()).setUnit(unit)).build();
    }

    private static CreateRamadanPeriodRequest ramadan(Date start, Date end) {
        return CreateRamadanPeriodRequest.newBuilder().setRamadanPeriod(RamadanPeriod.newBuilder()
                .setStartDate(start).setEndDate(end)).build();
    }

    private static CreateAbsenceRequest absence(String nip, AbsenceKind kind, Date start, Date end) {
        return CreateAbsenceRequest.newBuilder().setParent("officers/" + nip).setAbsence(Absence.newBuilder()
                .setKind(kind).setStartDate(start).setEndDate(end).setDescription("Dinas ke Jakarta")).build();
    }

    private static ListAbsencesRequest absencesOf(String nip) {
        return ListAbsencesRequest.newBuilder().setParent("officers/" + nip).build();
    }

    @Test
    void calendarDaysOfAYearArePagedInDateOrder() {
        CalendarDay independence = admin().createCalendarDay(day(date(2026, 8, 17),
                CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, ""));
        assertTrue(independence.getName().matches("calendarDays/[a-z2-7]{16}"), independence.getName());
        assertEquals("", independence.getUnit());
        admin().createCalendarDay(day(date(2026, 1, 1), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, ""));
        CalendarDay agency = admin().createCalendarDay(day(date(2026, 4, 20), CalendarDayKind.CALENDAR_DAY_KIND_AGENCY_DAY,
                "units/diskominfo"));
        assertEquals("units/diskominfo", agency.getUnit());
        admin().createCalendarDay(day(date(2026, 12, 24), CalendarDayKind.CALENDAR_DAY_KIND_COLLECTIVE_LEAVE, ""));
        admin().createCalendarDay(day(date(2027, 1, 1), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, ""));
        admin().createCalendarDay(day(date(2025, 12, 31), CalendarDayKind.CALENDAR_DAY_KIND_COLLECTIVE_LEAVE, ""));

        var officer = as(OFFICER_NIP, Role.OFFICER);
        ListCalendarDaysResponse first = officer.listCalendarDays(ListCalendarDaysRequest.newBuilder().setYear(2026)
                .setPageSize(3).build());
        assertEquals(List.of(date(2026, 1, 1), date(2026, 4, 20), date(2026, 8, 17)),
                first.getCalendarDaysList().stream().map(CalendarDay::getDate).toList());
        assertEquals(agency, first.getCalendarDays(1));
        ListCalendarDaysResponse second = officer.listCalendarDays(ListCalendarDaysRequest.newBuilder().setYear(2026)
                .setPageSize(3).setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of(date(2026, 12, 24)), second.getCalendarDaysList().stream().map(CalendarDay::getDate).toList());
        assertEquals(CalendarDayKind.CALENDAR_DAY_KIND_COLLECTIVE_LEAVE, second.getCalendarDays(0).getKind());
        assertEquals("", second.getNextPageToken());

        admin().deleteCalendarDay(DeleteCalendarDayRequest.newBuilder().setName(independence.getName()).build());
        assertEquals(3, officer.listCalendarDays(ListCalendarDaysRequest.newBuilder().setYear(2026).build())
                .getCalendarDaysCount());
        assertFails(Status.Code.NOT_FOUND, "CALENDAR_DAY_NOT_FOUND", () -> admin().deleteCalendarDay(
                DeleteCalendarDayRequest.newBuilder().setName(independence.getName()).build()));
    }

    @Test
    void calendarDaysAreValidated() {
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> admin().createCalendarDay(
                day(date(2026, 8, 17), CalendarDayKind.CALENDAR_DAY_KIND_UNSPECIFIED, "")));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> admin().createCalendarDay(
                day(date(2026, 2, 30), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, "")));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> admin().createCalendarDay(
                day(Date.getDefaultInstance(), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, "")));
        var unit = assertFails(Status.Code.INVALID_ARGUMENT, "UNIT_REQUIRED", () -> admin().createCalendarDay(
                day(date(2026, 4, 20), CalendarDayKind.CALENDAR_DAY_KIND_AGENCY_DAY, "")));
        assertEquals("calendar_day.unit", unit.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "UNIT_NOT_ALLOWED", () -> admin().createCalendarDay(
                day(date(2026, 8, 17), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, "units/diskominfo")));
        assertFails(Status.Code.NOT_FOUND, "UNIT_NOT_FOUND", () -> admin().createCalendarDay(
                day(date(2026, 4, 20), CalendarDayKind.CALENDAR_DAY_KIND_AGENCY_DAY, "units/nowhere")));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD",
                () -> admin().listCalendarDays(ListCalendarDaysRequest.getDefaultInstance()));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> as(MANAGER_NIP, Role.MANAGER).createCalendarDay(
                day(date(2026, 8, 17), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, "")));
        CalendarDay d = admin().createCalendarDay(day(date(2026, 8, 17), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, ""));
        assertFails(Status.Code.ALREADY_EXISTS, "CALENDAR_DAY_ALREADY_EXISTS", () -> admin().createCalendarDay(
                day(date(2026, 8, 17), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, "")));
        // Another kind of day, or an agency day of a unit, on the same date is another entry.
        admin().createCalendarDay(day(date(2026, 8, 17), CalendarDayKind.CALENDAR_DAY_KIND_AGENCY_DAY, "units/diskominfo"));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> as(OFFICER_NIP, Role.OFFICER).deleteCalendarDay(
                DeleteCalendarDayRequest.newBuilder().setName(d.getName()).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> as("desk", Role.AGENCY).listCalendarDays(
                ListCalendarDaysRequest.newBuilder().setYear(2026).build()));
    }

    @Test
    void ramadanPeriodsTakeTheRamadanDefaultsAndNeverOverlap() {
        RamadanPeriod r2026 = admin().createRamadanPeriod(ramadan(date(2026, 2, 18), date(2026, 3, 19)));
        assertTrue(r2026.getName().startsWith("ramadanPeriods/"), r2026.getName());
        assertEquals(1950, r2026.getWeeklyWorkMinutes());
        assertEquals(TimeOfDay.newBuilder().setHours(8).build(), r2026.getStartTime());
        assertEquals(30, r2026.getBreakMinutes());
        assertEquals(60, r2026.getFridayBreakMinutes());
        RamadanPeriod r2025 = admin().createRamadanPeriod(CreateRamadanPeriodRequest.newBuilder().setRamadanPeriod(
                RamadanPeriod.newBuilder().setStartDate(date(2025, 3, 1)).setEndDate(date(2025, 3, 30))
                        .setWeeklyWorkMinutes(1800).setStartTime(TimeOfDay.newBuilder().setHours(8).setMinutes(30))
                        .setBreakMinutes(20).setFridayBreakMinutes(45)).build());
        assertEquals(1800, r2025.getWeeklyWorkMinutes());
        assertEquals(30, r2025.getStartTime().getMinutes());

        var overlap = assertFails(Status.Code.FAILED_PRECONDITION, "RAMADAN_PERIOD_OVERLAPS",
                () -> admin().createRamadanPeriod(ramadan(date(2026, 3, 19), date(2026, 3, 25))));
        assertEquals(r2026.getName(), overlap.metadata("other"));
        assertFails(Status.Code.FAILED_PRECONDITION, "RAMADAN_PERIOD_OVERLAPS",
                () -> admin().createRamadanPeriod(ramadan(date(2026, 1, 1), date(2026, 12, 31))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_DATE_RANGE",
                () -> admin().createRamadanPeriod(ramadan(date(2027, 3, 10), date(2027, 2, 8))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD",
                () -> admin().createRamadanPeriod(ramadan(date(2027, 2, 8), Date.getDefaultInstance())));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED",
                () -> as(OFFICER_NIP, Role.OFFICER).createRamadanPeriod(ramadan(date(2027, 2, 8), date(2027, 3, 9))));
        // The day after a period may start the next one.
        admin().createRamadanPeriod(ramadan(date(2026, 3, 20), date(2026, 3, 21)));

        ListRamadanPeriodsResponse first = as(OFFICER_NIP, Role.OFFICER).listRamadanPeriods(
                ListRamadanPeriodsRequest.newBuilder().setPageSize(2).build());
        assertEquals(List.of(r2025, r2026), first.getRamadanPeriodsList());
        ListRamadanPeriodsResponse second = as(OFFICER_NIP, Role.OFFICER).listRamadanPeriods(
                ListRamadanPeriodsRequest.newBuilder().setPageSize(2).setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of(date(2026, 3, 20)),
                second.getRamadanPeriodsList().stream().map(RamadanPeriod::getStartDate).toList());
        assertEquals("", second.getNextPageToken());
    }

    @Test
    void absencesAreReadByTheOfficerTheirManagerAndPrivilegedCallersOnly() {
        Absence leave = admin().createAbsence(absence(OFFICER_NIP, AbsenceKind.ABSENCE_KIND_LEAVE,
                date(2026, 7, 6), date(2026, 7, 10)));
        assertTrue(leave.getName().matches("officers/" + OFFICER_NIP + "/absences/[a-z2-7]{16}"), leave.getName());
        assertEquals("officers/" + OFFICER_NIP, leave.getOfficer());
        admin().createAbsence(absence(OFFICER_NIP, AbsenceKind.ABSENCE_KIND_OFFICIAL_TRAVEL,
                date(2026, 5, 4), date(2026, 5, 4)));

        for (var reader : List.of(as(OFFICER_NIP, Role.OFFICER), as(MANAGER_NIP, Role.MANAGER), admin(),
                as("gateway", Role.SERVICE))) {
            ListAbsencesResponse r = reader.listAbsences(absencesOf(OFFICER_NIP));
            assertEquals(List.of(AbsenceKind.ABSENCE_KIND_OFFICIAL_TRAVEL, AbsenceKind.ABSENCE_KIND_LEAVE),
                    r.getAbsencesList().stream().map(Absence::getKind).toList());
            assertEquals(leave, r.getAbsences(1));
        }
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER",
                () -> as(OTHER_NIP, Role.OFFICER).listAbsences(absencesOf(OFFICER_NIP)));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER",
                () -> as(OFFICER_NIP, Role.MANAGER).listAbsences(absencesOf(MANAGER_NIP)));
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER",
                () -> as("desk", Role.AGENCY).listAbsences(absencesOf(OFFICER_NIP)));
        assertFails(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN",
                () -> CalendarServiceGrpc.newBlockingStub(channel).listAbsences(absencesOf(OFFICER_NIP)));
        assertFails(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND", () -> admin().listAbsences(absencesOf("199912312024122999")));

        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> as(OFFICER_NIP, Role.OFFICER).deleteAbsence(
                DeleteAbsenceRequest.newBuilder().setName(leave.getName()).build()));
        assertFails(Status.Code.NOT_FOUND, "ABSENCE_NOT_FOUND", () -> admin().deleteAbsence(DeleteAbsenceRequest.newBuilder()
                .setName(leave.getName().replace(OFFICER_NIP, OTHER_NIP)).build()));
        admin().deleteAbsence(DeleteAbsenceRequest.newBuilder().setName(leave.getName()).build());
        assertEquals(1, admin().listAbsences(absencesOf(OFFICER_NIP)).getAbsencesCount());
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME", () -> admin().deleteAbsence(DeleteAbsenceRequest.newBuilder()
                .setName("absences/" + OFFICER_NIP).build()));
    }

    @Test
    void absencesArePagedAndValidated() {
        for (int d = 1; d <= 3; d++) {
            admin().createAbsence(absence(OTHER_NIP, AbsenceKind.ABSENCE_KIND_LEAVE, date(2026, 9, 10 - d),
                    date(2026, 9, 10 - d)));
        }
        ListAbsencesResponse first = as(OTHER_NIP, Role.OFFICER).listAbsences(absencesOf(OTHER_NIP).toBuilder()
                .setPageSize(2).build());
        assertEquals(List.of(date(2026, 9, 7), date(2026, 9, 8)),
                first.getAbsencesList().stream().map(Absence::getStartDate).toList());
        ListAbsencesResponse second = as(OTHER_NIP, Role.OFFICER).listAbsences(absencesOf(OTHER_NIP).toBuilder()
                .setPageSize(2).setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of(date(2026, 9, 9)), second.getAbsencesList().stream().map(Absence::getStartDate).toList());
        assertEquals("", second.getNextPageToken());

        var range = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_DATE_RANGE", () -> admin().createAbsence(
                absence(OTHER_NIP, AbsenceKind.ABSENCE_KIND_LEAVE, date(2026, 9, 10), date(2026, 9, 9))));
        assertEquals("absence.end_date", range.metadata("field"));
        var kind = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> admin().createAbsence(
                absence(OTHER_NIP, AbsenceKind.ABSENCE_KIND_UNSPECIFIED, date(2026, 9, 10), date(2026, 9, 10))));
        assertEquals("absence.kind", kind.metadata("field"));
        assertFails(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND", () -> admin().createAbsence(absence("199912312024122999",
                AbsenceKind.ABSENCE_KIND_LEAVE, date(2026, 9, 10), date(2026, 9, 10))));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> as(MANAGER_NIP, Role.MANAGER).createAbsence(
                absence(OTHER_NIP, AbsenceKind.ABSENCE_KIND_LEAVE, date(2026, 9, 10), date(2026, 9, 10))));
        assertFalse(admin().listAbsences(absencesOf(OTHER_NIP)).getAbsencesList().stream()
                .anyMatch(a -> a.getStartDate().getDay() == 10), "no refused absence was stored");
    }

    @Test
    void datesOutsideTheAcceptedRangeAreABadArgumentNamingTheField() {
        var day = assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE", () -> admin().createCalendarDay(
                day(date(10000, 1, 1), CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY, "")));
        day.hasMetadata("field", "calendar_day.date");
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE", () -> admin().createAbsence(
                absence(OFFICER_NIP, AbsenceKind.ABSENCE_KIND_LEAVE, date(2026, 9, 1), date(10000, 1, 1))));
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE", () -> admin().createAbsence(
                absence(OFFICER_NIP, AbsenceKind.ABSENCE_KIND_LEAVE, date(1, 1, 1), date(2026, 9, 1))));
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE", () -> admin().createRamadanPeriod(
                ramadan(date(10000, 3, 1), date(10000, 3, 30))));
    }
}
