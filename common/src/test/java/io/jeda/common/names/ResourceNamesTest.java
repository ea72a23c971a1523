package io.jeda.common.names;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResourceNamesTest {

    @Test
    void namesParseAndFormatBackToTheSameText() {
        assertEquals("199001012015032001", OfficerName.parse("officers/199001012015032001").nip());
        String longest = "a-._~Z9".repeat(19).substring(0, 128);
        assertEquals(longest, OfficerName.parse("officers/" + longest).nip());
        assertEquals("units/diskominfo", UnitName.parse("units/diskominfo").toString());
        assertEquals("positions/analis", PositionName.of("analis").toString());
        assertEquals("plans/aB3x", PlanName.parse("plans/aB3x").toString());
        assertEquals("dayExceptions/7", DayExceptionName.parse("dayExceptions/7").toString());
        assertEquals("rosters/piket", RosterName.parse("rosters/piket").toString());
        assertEquals("calendarDays/12", CalendarDayName.parse("calendarDays/12").toString());
        assertEquals("ramadanPeriods/2027", RamadanPeriodName.parse("ramadanPeriods/2027").toString());
        assertEquals("exportRecords/x1", ExportRecordName.parse("exportRecords/x1").toString());
        RosterOverrideName o = RosterOverrideName.parse("rosters/piket/overrides/5");
        assertEquals(new RosterName("piket"), o.parent());
        assertEquals("rosters/piket/overrides/5", o.toString());
        AbsenceName a = AbsenceName.parse("officers/1990/absences/9");
        assertEquals("1990", a.nip());
        assertEquals("9", a.absenceId());
        assertEquals("officers/1990/attendanceEvents/e-1", AttendanceEventName.of("1990", "e-1").toString());
        AttendanceDayName d = AttendanceDayName.parse("officers/1990/attendanceDays/2027-03-02");
        assertEquals(LocalDate.of(2027, 3, 2), d.date());
        assertEquals("officers/1990/attendanceDays/2027-03-02", d.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "officers/", "officers", "units/x", "officers/a/b", "Officers/1", "officers/ 1",
            "officers/1/", "/officers/1", "officers/a%2Fb", "officers//1", "officers/1//", "officer/1",
            "officersx/1", "officers/1é", "officers/\u0661",
            "officers/12345678901234567890123456789012345678901234567890123456789012345678901234567890"
                    + "123456789012345678901234567890123456789012345678901"})
    void aMalformedOfficerNameIsOneReasonNamingTheFieldAndPattern(String name) {
        JedaException e = assertThrows(JedaException.class, () -> OfficerName.parse(name, "officer"));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertEquals(ResourceNames.INVALID_NAME, e.reason());
        assertEquals("officer", e.metadata().get("field"));
        assertEquals("officers/{nip}", e.metadata().get("expected"));
        assertEquals("officer must be officers/{nip}, got '" + name + "'", e.getMessage());
    }

    @Test
    void otherKindsRefuseWithTheSameReason() {
        assertEquals(ResourceNames.INVALID_NAME,
                assertThrows(JedaException.class, () -> PlanName.parse("officers/1")).reason());
        assertEquals(ResourceNames.INVALID_NAME,
                assertThrows(JedaException.class, () -> RosterOverrideName.parse("rosters/a/overrides")).reason());
        assertEquals(ResourceNames.INVALID_NAME, assertThrows(JedaException.class,
                () -> AttendanceDayName.parse("officers/1/attendanceDays/2027-02-30")).reason());
        assertEquals(ResourceNames.INVALID_NAME, assertThrows(JedaException.class, () -> UnitName.of("a/b")).reason());
    }

    @Test
    void aNullNameIsRefusedNotACrash() {
        assertEquals("name must be units/{unit_id}, got ''",
                assertThrows(JedaException.class, () -> UnitName.parse(null)).getMessage());
    }
}
