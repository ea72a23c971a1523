package io.jeda.attendance;

import io.grpc.Status;
import io.jeda.attendance.app.EndOfDay;
import io.jeda.attendance.v1.AttendanceDay;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.attendance.v1.AttendanceMonth;
import io.jeda.attendance.v1.DayStatus;
import io.jeda.attendance.v1.GetAttendanceDayRequest;
import io.jeda.attendance.v1.GetAttendanceMonthRequest;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.ScheduleReason;
import io.jeda.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Days as officers, managers and HR read them. Past days are made with offline (late-sync)
 * check-ins, the only way a phone can record yesterday.
 */
class DayEndpointTest extends AttendanceTestBase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    @Inject
    EndOfDay endOfDay;

    /** Past the end-of-day rule's grace for check-ins synced late. */
    private static Instant later() {
        return Instant.now().plus(java.time.Duration.ofMinutes(20));
    }

    private static LocalDate today(ZoneId zone) {
        return LocalDate.now(zone);
    }

    private static Instant local(LocalDate date, String time, ZoneId zone) {
        return date.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }

    private AttendanceDayServiceGrpc.AttendanceDayServiceBlockingStub days(String subject, Role... roles) {
        return AttendanceDayServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    private static GetAttendanceDayRequest day(String nip, LocalDate date) {
        return GetAttendanceDayRequest.newBuilder().setName("officers/" + nip + "/attendanceDays/" + date).build();
    }

    private void workedYesterday(String in, String out) {
        LocalDate y = today(WIB).minusDays(1);
        officer().checkIn(officeCheckIn(NIP).setDeviceTime(ts(local(y, in, WIB))).build());
        if (out != null) {
            officer().checkOut(officeCheckOut(NIP).setDeviceTime(ts(local(y, out, WIB))).build());
        }
    }

    @Test
    void aFullDaySettlesPresentAndOnlyTheOfficerSeesPositions() {
        workedYesterday("07:25", "16:05");
        LocalDate y = today(WIB).minusDays(1);
        AttendanceDay own = days(NIP, Role.OFFICER).getAttendanceDay(day(NIP, y));
        assertEquals(DayStatus.DAY_STATUS_PRESENT, own.getStatus());
        assertEquals(460, own.getWorkedMinutes());
        assertEquals(450, own.getDueMinutes());
        assertTrue(own.getCoreHoursMet());
        assertTrue(own.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_LATE_SYNC));
        assertEquals(2, own.getEventsCount());
        for (AttendanceEvent e : own.getEventsList()) {
            assertTrue(e.hasPosition());
            assertEquals(OFFICE_LAT, e.getPosition().getLatitude());
        }

        for (var reader : new AttendanceDayServiceGrpc.AttendanceDayServiceBlockingStub[]{
                days(MANAGER_NIP, Role.MANAGER), days("hr-1", Role.HR), days("gateway", Role.SERVICE),
                days("admin", Role.ADMIN)}) {
            AttendanceDay seen = reader.getAttendanceDay(day(NIP, y));
            assertEquals(DayStatus.DAY_STATUS_PRESENT, seen.getStatus());
            assertEquals(2, seen.getEventsCount());
            for (AttendanceEvent e : seen.getEventsList()) {
                assertFalse(e.hasPosition(), "positions must not reach anyone but the officer");
            }
            assertFalse(seen.toString().contains(Double.toString(OFFICE_LAT)));
        }
    }

    @Test
    void othersMayNotReadAnOfficersDays() {
        LocalDate y = today(WIB).minusDays(1);
        assertFails(Status.Code.PERMISSION_DENIED, () -> days(OTHER_NIP, Role.OFFICER).getAttendanceDay(day(NIP, y)));
        POLICY.unit("elsewhere", "Asia/Makassar", -5.1477, 119.4327, 200);
        String outsider = "198202022006041004";
        POLICY.officer(outsider, "elsewhere", null, null);
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER", () ->
                days(outsider, Role.MANAGER).getAttendanceDay(day(NIP, y)));
        assertFails(Status.Code.PERMISSION_DENIED, () ->
                days("complaint-desk", Role.AGENCY).getAttendanceDay(day(NIP, y)));
    }

    @Test
    void aClosedWorkingDayWithoutCheckInIsAbsentAndTodayIsPending() {
        assertEquals(DayStatus.DAY_STATUS_ABSENT, days(NIP, Role.OFFICER)
                .getAttendanceDay(day(NIP, today(WIB).minusDays(2))).getStatus());
        officer().checkIn(officeCheckIn(NIP).build());
        assertEquals(DayStatus.DAY_STATUS_PENDING, days(NIP, Role.OFFICER)
                .getAttendanceDay(day(NIP, today(WIB))).getStatus());
    }

    @Test
    void lateEarlyAndShortDays() {
        workedYesterday("07:45", "16:30");
        assertEquals(DayStatus.DAY_STATUS_LATE, days(NIP, Role.OFFICER)
                .getAttendanceDay(day(NIP, today(WIB).minusDays(1))).getStatus());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SCHEDULE_REASON_LEAVE, DAY_STATUS_ON_LEAVE", "SCHEDULE_REASON_NATIONAL_HOLIDAY, DAY_STATUS_HOLIDAY",
            "SCHEDULE_REASON_WEEKEND, DAY_STATUS_OFF_DAY"})
    void daysWithoutWorkFollowTheSchedule(ScheduleReason reason, DayStatus status) {
        POLICY.dayOff(NIP, reason);
        assertEquals(status, days(NIP, Role.OFFICER).getAttendanceDay(day(NIP, today(WIB).minusDays(1))).getStatus());
    }

    @Test
    void forgottenCheckOutIsClosedAtDayCloseOnceAndFlagged() {
        workedYesterday("07:20", null);
        // Today's session is not the rule's business yet.
        LocalDate y = today(WIB).minusDays(1);
        assertEquals(1, endOfDay.closeForgottenCheckOuts(later()));
        assertEquals(0, endOfDay.closeForgottenCheckOuts(later()));
        assertFalse(officer().getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build()).getCheckedIn());

        AttendanceDay d = days(NIP, Role.OFFICER).getAttendanceDay(day(NIP, y));
        assertEquals(DayStatus.DAY_STATUS_PRESENT, d.getStatus());
        assertTrue(d.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_AUTO_CHECKOUT));
        assertEquals(local(y, "23:59", WIB).getEpochSecond(), d.getLastCheckOut().getSeconds());
        assertEquals(460, d.getWorkedMinutes(), "07:20 to the planned end 16:00, less the 60-minute break");
        AttendanceEvent auto = d.getEvents(1);
        assertTrue(auto.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_AUTO_CHECKOUT));
        assertFalse(auto.hasPosition());

        // A session opened today stays open.
        officer().checkIn(officeCheckIn(NIP).build());
        assertEquals(0, endOfDay.closeForgottenCheckOuts(later()));
        assertEquals(1, count("SELECT COUNT(*) FROM open_session"));
    }

    @Test
    void everyDueSessionIsClosedAcrossPagesAndOnlyThose() {
        LocalDate y = today(WIB).minusDays(1);
        String[] nips = {NIP, OTHER_NIP, MANAGER_NIP};
        for (String nip : nips) {
            as(nip, Role.OFFICER).checkIn(officeCheckIn(nip).setDeviceTime(ts(local(y, "08:00", WIB))).build());
        }
        POLICY.officer("199505052020012001", UNIT, null, null);
        as("199505052020012001", Role.OFFICER).checkIn(officeCheckIn("199505052020012001").build());
        // Pages of two (application-test.yml): three due sessions need two pages.
        assertEquals(3, endOfDay.closeForgottenCheckOuts(later()));
        assertEquals(1, count("SELECT COUNT(*) FROM open_session"));
        assertEquals(3, count("SELECT COUNT(*) FROM attendance_event WHERE flags LIKE '%AUTO_CHECKOUT%'"));
    }

    @Test
    void aLateSyncedCheckInIsNotClosedBeforeItsCheckOutCanArrive() {
        LocalDate y = today(WIB).minusDays(1);
        officer().checkIn(officeCheckIn(NIP).setDeviceTime(ts(local(y, "07:30", WIB))).build());
        // The day closed long ago, but the check-in arrived just now: the queued check-out comes next.
        assertEquals(0, endOfDay.closeForgottenCheckOuts(Instant.now()));
        officer().checkOut(officeCheckOut(NIP).setDeviceTime(ts(local(y, "16:00", WIB))).build());
        assertEquals(DayStatus.DAY_STATUS_PRESENT, days(NIP, Role.OFFICER).getAttendanceDay(day(NIP, y)).getStatus());
        assertEquals(0, endOfDay.closeForgottenCheckOuts(later()));
    }

    @Test
    void dayCloseTimeIsTheUnits() {
        POLICY.dayClose(UNIT, 18, 0);
        workedYesterday("07:20", null);
        endOfDay.closeForgottenCheckOuts(later());
        AttendanceDay d = days(NIP, Role.OFFICER).getAttendanceDay(day(NIP, today(WIB).minusDays(1)));
        assertEquals(local(today(WIB).minusDays(1), "18:00", WIB).getEpochSecond(), d.getLastCheckOut().getSeconds());
    }

    @Test
    void localDatesFollowTheOfficersZone() {
        POLICY.unit("papua", "Asia/Jayapura", -2.5337, 140.7181, 300);
        String papuan = "198812122012122001";
        POLICY.officer(papuan, "papua", null, null);
        var stub = as(papuan, Role.OFFICER);
        LocalDate d = today(WIT).minusDays(1);
        // 00:30 WIT is still the previous day in UTC and in WIB; it belongs to the WIT date.
        AttendanceEvent early = stub.checkIn(officeCheckIn(papuan).setPosition(at(-2.5337, 140.7181, 5))
                .setDeviceTime(ts(local(d, "00:30", WIT))).build());
        assertEquals(d.getDayOfMonth(), early.getLocalDate().getDay());
        assertEquals("Asia/Jayapura", early.getTimeZone());
        stub.checkOut(officeCheckOut(papuan).setPosition(at(-2.5337, 140.7181, 5))
                .setDeviceTime(ts(local(d, "01:00", WIT))).build());
        // 23:30 WIT is the next day in no zone we care about: still the same WIT date.
        AttendanceEvent late = stub.checkIn(officeCheckIn(papuan).setPosition(at(-2.5337, 140.7181, 5))
                .setDeviceTime(ts(local(d, "23:30", WIT))).build());
        assertEquals(d.getDayOfMonth(), late.getLocalDate().getDay());

        AttendanceDay day = AttendanceDayServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as(papuan, Role.OFFICER)).getAttendanceDay(day(papuan, d));
        assertEquals(3, day.getEventsCount());
        assertEquals("Asia/Jayapura", day.getTimeZone());
    }

    @Test
    void monthListsEveryDateInOrder() {
        workedYesterday("07:25", "16:05");
        LocalDate y = today(WIB).minusDays(1);
        YearMonth m = YearMonth.from(y);
        AttendanceMonth month = days(MANAGER_NIP, Role.MANAGER).getAttendanceMonth(GetAttendanceMonthRequest.newBuilder()
                .setOfficer("officers/" + NIP).setYear(m.getYear()).setMonth(m.getMonthValue()).build());
        assertEquals(m.lengthOfMonth(), month.getDaysCount());
        for (int i = 0; i < month.getDaysCount(); i++) {
            assertEquals(i + 1, month.getDays(i).getDate().getDay());
            assertEquals(0, month.getDays(i).getEventsCount());
        }
        assertEquals(DayStatus.DAY_STATUS_PRESENT, month.getDays(y.getDayOfMonth() - 1).getStatus());
    }

    @Test
    void malformedDayNamesAndMonthsAreInvalid() {
        for (String name : new String[]{"officers/" + NIP + "/attendanceDays/2026-02-30", "officers/x/attendanceDays/2026-01-01",
                "days/2026-01-01"}) {
            assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME", () -> days(NIP, Role.OFFICER)
                    .getAttendanceDay(GetAttendanceDayRequest.newBuilder().setName(name).build()))
                    .hasMetadata("field", "name");
        }
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> days(NIP, Role.OFFICER)
                .getAttendanceMonth(GetAttendanceMonthRequest.newBuilder().setOfficer("officers/" + NIP)
                        .setYear(2026).setMonth(13).build())).hasMetadata("field", "month");
    }
}
