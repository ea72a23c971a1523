package io.jeda.attendance;

import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceWellbeing;
import io.jeda.attendance.v1.AttendanceWellbeingServiceGrpc;
import io.jeda.attendance.v1.GetAttendanceWellbeingRequest;
import io.jeda.attendance.v1.OfficerAttendanceWellbeing;
import io.jeda.common.security.Role;
import io.jeda.testing.Tokens;
import io.grpc.CallCredentials;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The attendance part of the wellbeing report over a constructed October 2026 (every day a working
 * day 07:30-16:00 WIB with 450 minutes due, as the fake policy-service plans it).
 */
class WellbeingTest extends AttendanceTestBase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AttendanceWellbeingServiceGrpc.AttendanceWellbeingServiceBlockingStub wellbeing(CallCredentials c) {
        return AttendanceWellbeingServiceGrpc.newBlockingStub(channel).withCallCredentials(c);
    }

    private static GetAttendanceWellbeingRequest october() {
        return GetAttendanceWellbeingRequest.newBuilder().setUnit("units/" + UNIT).setYear(2026).setMonth(10).build();
    }

    @BeforeEach
    void month() {
        POLICY.parent(UNIT, "pemprov");
        POLICY.unit("pemkot-lain", "Asia/Jakarta", OFFICE_LAT, OFFICE_LON, OFFICE_RADIUS);
        POLICY.officer("198001012005011001", "pemkot-lain", null, null);
        // 30 September: home at 22:00, back at 06:00 on 1 October: 8 hours of rest across the month's start.
        day(NIP, LocalDate.of(2026, 9, 30), "07:30", "22:00", false);
        day(NIP, LocalDate.of(2026, 10, 1), "06:00", "16:00", false);
        day(NIP, LocalDate.of(2026, 10, 5), "07:30", "16:00", false);
        // A late check-out (20:00, the plan ends 16:00) and then only 9 hours of rest.
        day(NIP, LocalDate.of(2026, 10, 6), "07:30", "20:00", false);
        day(NIP, LocalDate.of(2026, 10, 7), "05:00", "16:00", false);
        // A forgotten check-out closed by the end-of-day rule at 23:59 is not a late check-out.
        day(NIP, LocalDate.of(2026, 10, 8), "07:30", "23:59", true);
    }

    @Test
    void countsHoursLateCheckOutsAndShortRestsOfTheMonth() {
        AttendanceWellbeing w = wellbeing(Tokens.asScoped("hr", "pemprov", Role.HR)).getAttendanceWellbeing(october());
        assertEquals(660, w.getMinimumRestMinutes());
        assertEquals(30, w.getLateCheckOutGraceMinutes());
        assertEquals(List.of("officers/" + MANAGER_NIP, "officers/" + NIP, "officers/" + OTHER_NIP),
                w.getOfficersList().stream().map(OfficerAttendanceWellbeing::getOfficer).toList());
        OfficerAttendanceWellbeing mine = w.getOfficers(1);
        // 540 + 450 + 690 + 600 + 450 (the auto check-out counts up to the planned end), net of 60-minute breaks.
        assertEquals(2730, mine.getWorkedMinutes());
        assertEquals(31 * 450, mine.getDueMinutes());
        assertEquals(1, mine.getLateCheckOuts(), "only 6 October");
        assertEquals(2, mine.getShortRests(), "8 h into 1 October and 9 h into 7 October");
        assertEquals(480, mine.getShortestRestMinutes());
        OfficerAttendanceWellbeing other = w.getOfficers(2);
        assertEquals(0, other.getWorkedMinutes());
        assertEquals(0, other.getShortRests());
        // The schedules came in one batch per date, not one call per officer.
        assertEquals(31, POLICY.batchScheduleCalls.get());
    }

    @Test
    void theNamedOfficersOfTheUnitOnly() {
        AttendanceWellbeing w = wellbeing(Tokens.as("gateway", Role.SERVICE)).getAttendanceWellbeing(october()
                .toBuilder().addOfficers("officers/" + NIP).addOfficers("officers/198001012005011001").build());
        assertEquals(List.of("officers/" + NIP), w.getOfficersList().stream()
                .map(OfficerAttendanceWellbeing::getOfficer).toList(), "an officer of another unit is left out");
    }

    @Test
    void managersReadTheirOwnUnitOnlyAndHrItsScope() {
        assertEquals(3, wellbeing(Tokens.as(MANAGER_NIP, Role.MANAGER)).getAttendanceWellbeing(october())
                .getOfficersCount());
        POLICY.officer("197001012000011001", "pemkot-lain", null, null);
        assertFails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER_OF_UNIT", () ->
                wellbeing(Tokens.as("197001012000011001", Role.MANAGER)).getAttendanceWellbeing(october()));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () ->
                wellbeing(Tokens.as(NIP, Role.OFFICER)).getAttendanceWellbeing(october()));
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () ->
                wellbeing(Tokens.asScoped("hr", "pemkot-lain", Role.HR)).getAttendanceWellbeing(october()));
        assertFails(Status.Code.INVALID_ARGUMENT, () ->
                wellbeing(Tokens.as("gateway", Role.SERVICE)).getAttendanceWellbeing(october().toBuilder().setMonth(13).build()));
    }

    @Test
    void policyDownIsUnavailableNotAnEmptyReport() {
        wellbeing(Tokens.as(MANAGER_NIP, Role.MANAGER)).getAttendanceWellbeing(october());
        directory.invalidateAll();
        POLICY.behave(FakePolicyService.Behaviour.FAIL);
        assertFails(Status.Code.UNAVAILABLE, "POLICY_UNAVAILABLE", () ->
                wellbeing(Tokens.as("gateway", Role.SERVICE)).getAttendanceWellbeing(october()));
    }

    /** One worked day: a check-in and its check-out at local times of WIB, stored as the service stores them. */
    private void day(String nip, LocalDate date, String in, String out, boolean autoCheckOut) {
        String checkIn = UUID.randomUUID().toString();
        insert(checkIn, nip, "CHECK_IN", date, date.atTime(java.time.LocalTime.parse(in)), "", null);
        insert(UUID.randomUUID().toString(), nip, "CHECK_OUT", date, date.atTime(java.time.LocalTime.parse(out)),
                autoCheckOut ? "AUTO_CHECKOUT" : "", checkIn);
    }

    private void insert(String id, String nip, String kind, LocalDate date, LocalDateTime local, String flags,
                        String checkInId) {
        String utc = local.atZone(WIB).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().format(SQL);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO attendance_event (id, officer_nip, kind, mode, "
                     + "idempotency_key, fingerprint, record_time, device_time, receive_time, local_date, time_zone, "
                     + "unit_id, latitude, longitude, accuracy_meters, device_id, flags, verification, violation, "
                     + "check_in_id) VALUES (?, ?, ?, 'OFFICE', ?, ?, ?, ?, ?, ?, 'Asia/Jakarta', ?, NULL, NULL, NULL, "
                     + "'phone-1', ?, 'VERIFIED', NULL, ?)")) {
            s.setString(1, id);
            s.setString(2, nip);
            s.setString(3, kind);
            s.setString(4, id);
            s.setString(5, "0".repeat(64));
            s.setString(6, utc);
            s.setString(7, utc);
            s.setString(8, utc);
            s.setString(9, date.toString());
            s.setString(10, UNIT);
            s.setString(11, flags);
            s.setString(12, checkInId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
