package io.jeda.attendance;

import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceEventKind;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.attendance.v1.VerificationState;
import io.jeda.policy.v1.WorkPlace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check-in and check-out as an officer's phone sees them: where, when, and what is refused. */
class CheckInTest extends AttendanceTestBase {

    @Test
    void officeCheckInInsideTheGeofenceIsRecordedAndOpensASession() {
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP).build());
        assertEquals(AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_IN, e.getKind());
        assertEquals(VerificationState.VERIFICATION_STATE_VERIFIED, e.getVerification());
        assertEquals("Asia/Jakarta", e.getTimeZone());
        assertTrue(e.getFlagsList().isEmpty(), e.getFlagsList().toString());
        assertTrue(e.getName().startsWith("officers/" + NIP + "/attendanceEvents/"));
        // The officer themself sees their own position.
        assertEquals(OFFICE_LAT, e.getPosition().getLatitude());

        OfficerStatus s = officer().getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build());
        assertTrue(s.getCheckedIn());
        assertEquals(AttendanceMode.ATTENDANCE_MODE_OFFICE, s.getMode());
        assertEquals(e.getName(), s.getCheckIn());
        assertEquals(e.getRecordTime(), s.getSince());
    }

    @Test
    void justInsideTheOfficeEdgeIsAcceptedAndJustOutsideIsRefused() {
        assertFails(Status.Code.FAILED_PRECONDITION, "OUTSIDE_GEOFENCE", () -> officer().checkIn(officeCheckIn(NIP)
                .setPosition(at(north(OFFICE_LAT, OFFICE_RADIUS + 1), OFFICE_LON, 5)).build()));
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP)
                .setPosition(at(north(OFFICE_LAT, OFFICE_RADIUS - 0.01), OFFICE_LON, 5)).build());
        assertEquals(VerificationState.VERIFICATION_STATE_VERIFIED, e.getVerification());
    }

    @Test
    void farAwayOfficeCheckInIsRefusedAndNothingIsStored() {
        assertFails(Status.Code.FAILED_PRECONDITION, "OUTSIDE_GEOFENCE", () -> officer().checkIn(officeCheckIn(NIP)
                .setPosition(at(-6.9175, 107.6191, 5)).build()));
        assertEquals(0, count("SELECT COUNT(*) FROM attendance_event"));
        assertFalse(officer().getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build()).getCheckedIn());
    }

    @Test
    void positionLessAccurateThanTheLimitIsRefused() {
        assertFails(Status.Code.FAILED_PRECONDITION, "POSITION_TOO_INACCURATE", () -> officer().checkIn(officeCheckIn(NIP)
                .setPosition(at(OFFICE_LAT, OFFICE_LON, 100.5)).build()));
        // Exactly the limit is still good enough.
        officer().checkIn(officeCheckIn(NIP).setPosition(at(OFFICE_LAT, OFFICE_LON, 100)).build());
    }

    @Test
    void homeCheckInNeedsAHomeDayAndTheDomicile() {
        CheckInRequest.Builder home = officeCheckIn(NIP).setMode(AttendanceMode.ATTENDANCE_MODE_HOME)
                .setPosition(at(HOME_LAT, HOME_LON, 10));
        // An office-only day: home is not allowed.
        assertFails(Status.Code.FAILED_PRECONDITION, "MODE_NOT_ALLOWED", () -> officer().checkIn(home.build()));

        POLICY.allow(NIP, WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_HOME);
        directory.invalidateAll();
        assertFails(Status.Code.FAILED_PRECONDITION, "OUTSIDE_GEOFENCE", () -> officer().checkIn(home
                .setPosition(at(north(HOME_LAT, HOME_RADIUS + 5), HOME_LON, 10)).build()));
        // The office is not home either.
        assertFails(Status.Code.FAILED_PRECONDITION, "OUTSIDE_GEOFENCE", () -> officer().checkIn(home
                .setPosition(at(OFFICE_LAT, OFFICE_LON, 10)).build()));
        AttendanceEvent e = officer().checkIn(home.setPosition(at(north(HOME_LAT, HOME_RADIUS - 1), HOME_LON, 10))
                .setIdempotencyKey("home-1").build());
        assertEquals(AttendanceMode.ATTENDANCE_MODE_HOME, e.getMode());
    }

    @Test
    void homeCheckInWithoutARecordedDomicileIsRefused() {
        POLICY.allow(OTHER_NIP, WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_HOME);
        assertFails(Status.Code.FAILED_PRECONDITION, "DOMICILE_NOT_RECORDED", () ->
                as(OTHER_NIP, io.jeda.common.security.Role.OFFICER).checkIn(officeCheckIn(OTHER_NIP)
                        .setMode(AttendanceMode.ATTENDANCE_MODE_HOME).setPosition(at(HOME_LAT, HOME_LON, 10)).build()));
    }

    @Test
    void dayOffAllowsNoCheckIn() {
        POLICY.allow(NIP);
        assertFails(Status.Code.FAILED_PRECONDITION, "MODE_NOT_ALLOWED", () -> officer().checkIn(officeCheckIn(NIP).build()));
    }

    @Test
    void otherModeIsRecordedWithoutAGeofenceWhenTheScheduleAllowsIt() {
        CheckInRequest.Builder other = officeCheckIn(NIP).setMode(AttendanceMode.ATTENDANCE_MODE_OTHER)
                .setPosition(at(-6.9175, 107.6191, 20));
        assertFails(Status.Code.FAILED_PRECONDITION, "MODE_NOT_ALLOWED", () -> officer().checkIn(other.build()));
        POLICY.allow(NIP, WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_OTHER_OFFICE);
        directory.invalidateAll();
        assertEquals(AttendanceMode.ATTENDANCE_MODE_OTHER, officer().checkIn(other.build()).getMode());
    }

    @Test
    void checkInWhileCheckedInAndCheckOutWithNoneOpenAreRefused() {
        assertFails(Status.Code.FAILED_PRECONDITION, "NOT_CHECKED_IN", () -> officer().checkOut(officeCheckOut(NIP).build()));
        AttendanceEvent in = officer().checkIn(officeCheckIn(NIP).build());
        assertFails(Status.Code.FAILED_PRECONDITION, "ALREADY_CHECKED_IN", () -> officer().checkIn(officeCheckIn(NIP).build()));

        AttendanceEvent out = officer().checkOut(officeCheckOut(NIP).build());
        assertEquals(AttendanceEventKind.ATTENDANCE_EVENT_KIND_CHECK_OUT, out.getKind());
        assertEquals(in.getName(), out.getCheckIn());
        assertFalse(officer().getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build()).getCheckedIn());
        assertFails(Status.Code.FAILED_PRECONDITION, "NOT_CHECKED_IN", () -> officer().checkOut(officeCheckOut(NIP).build()));
        // A new period of work may start after the check-out.
        officer().checkIn(officeCheckIn(NIP).build());
        assertEquals(3, count("SELECT COUNT(*) FROM attendance_event"));
    }

    @Test
    void checkOutOutsideTheGeofenceIsRefusedAndTheSessionStaysOpen() {
        officer().checkIn(officeCheckIn(NIP).build());
        assertFails(Status.Code.FAILED_PRECONDITION, "OUTSIDE_GEOFENCE", () -> officer().checkOut(officeCheckOut(NIP)
                .setPosition(at(-6.9175, 107.6191, 5)).build()));
        assertTrue(officer().getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build()).getCheckedIn());
    }

    @Test
    void unknownOfficerIsRefused() {
        String stranger = "198001012005011009";
        assertFails(Status.Code.FAILED_PRECONDITION, "OFFICER_NOT_FOUND", () ->
                as(stranger, io.jeda.common.security.Role.OFFICER).checkIn(officeCheckIn(stranger).build()));
    }

    @Test
    void officeCheckInForAUnitPolicyServiceDoesNotKnowIsRefused() {
        POLICY.removeUnit(UNIT);
        assertFails(Status.Code.FAILED_PRECONDITION, "UNIT_NOT_FOUND", () -> officer().checkIn(officeCheckIn(NIP).build()));
        // A home day needs no office: it is checked against the domicile and the day closes at the default time.
        POLICY.allow(NIP, WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_HOME);
        directory.invalidateAll();
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP).setMode(AttendanceMode.ATTENDANCE_MODE_HOME)
                .setPosition(at(HOME_LAT, HOME_LON, 10)).build());
        assertEquals(VerificationState.VERIFICATION_STATE_VERIFIED, e.getVerification());
    }

    @Test
    void deviceClockAheadIsFlaggedAndTheServerTimeIsRecorded() {
        Instant ahead = now().plus(Duration.ofMinutes(20));
        Instant before = now();
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP).setDeviceTime(ts(ahead)).build());
        assertTrue(e.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_CLOCK_SKEW));
        assertEquals(ts(ahead), e.getDeviceTime());
        Instant record = Instant.ofEpochSecond(e.getRecordTime().getSeconds(), e.getRecordTime().getNanos());
        assertFalse(record.isBefore(before.minusSeconds(1)));
        assertTrue(record.isBefore(ahead.minus(Duration.ofMinutes(10))));
    }

    @Test
    void smallClockDifferenceIsNotFlagged() {
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP)
                .setDeviceTime(ts(now().minus(Duration.ofMinutes(4)))).build());
        assertTrue(e.getFlagsList().isEmpty(), e.getFlagsList().toString());
    }

    @Test
    void offlineCheckInSyncedLateIsAcceptedAtTheDeviceTimeAndFlagged() {
        Instant yesterday = now().minus(Duration.ofHours(30));
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP).setDeviceTime(ts(yesterday)).build());
        assertEquals(java.util.List.of(AttendanceFlag.ATTENDANCE_FLAG_LATE_SYNC), e.getFlagsList());
        assertEquals(ts(yesterday), e.getRecordTime());
        assertTrue(e.getReceiveTime().getSeconds() > yesterday.getEpochSecond() + 29 * 3600);
        assertEquals(yesterday.atZone(java.time.ZoneId.of("Asia/Jakarta")).getDayOfMonth(), e.getLocalDate().getDay());
    }

    @Test
    void anOfflineCheckInWhoseDeviceTimeAgreesWithItsRememberedClockOffsetIsOnlyLateSync() {
        // The device's clock is 10 minutes slow; it last reached the server 3 hours ago and saw so.
        Instant pressed = now().minus(Duration.ofHours(2));
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP)
                .setDeviceTime(ts(pressed.minus(Duration.ofMinutes(10))))
                .setDeviceClockOffset(com.google.protobuf.Duration.newBuilder().setSeconds(600))
                .setLastContactTime(ts(now().minus(Duration.ofHours(3)))).build());
        assertEquals(java.util.List.of(AttendanceFlag.ATTENDANCE_FLAG_LATE_SYNC), e.getFlagsList());
    }

    @Test
    void anOfflineCheckInFromADeviceWhoseClockWasSetBackSinceItsLastContactIsFlagged() {
        // At its last contact an hour ago the device's clock was right (offset 0); the check-in
        // claims a time five hours ago, before that contact: the clock was set back afterwards.
        AttendanceEvent e = officer().checkIn(officeCheckIn(NIP)
                .setDeviceTime(ts(now().minus(Duration.ofHours(5))))
                .setDeviceClockOffset(com.google.protobuf.Duration.getDefaultInstance())
                .setLastContactTime(ts(now().minus(Duration.ofHours(1)))).build());
        assertTrue(e.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_DEVICE_CLOCK_CHANGED), e.getFlagsList().toString());
        assertTrue(e.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_LATE_SYNC), e.getFlagsList().toString());
    }

    @Test
    void aClockOffsetWithoutTheTimeOfTheLastContactIsRefused() {
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> officer().checkIn(officeCheckIn(NIP)
                .setDeviceClockOffset(com.google.protobuf.Duration.newBuilder().setSeconds(5)).build()));
    }

    @Test
    void checkInOlderThanTheLateSyncLimitIsRefused() {
        assertFails(Status.Code.FAILED_PRECONDITION, "LATE_SYNC_TOO_OLD", () -> officer().checkIn(officeCheckIn(NIP)
                .setDeviceTime(ts(now().minus(Duration.ofHours(73)))).build()));
        assertEquals(0, count("SELECT COUNT(*) FROM attendance_event"));
    }

    @Test
    void checkOutBeforeTheOpenCheckInIsRefused() {
        officer().checkIn(officeCheckIn(NIP).build());
        assertFails(Status.Code.FAILED_PRECONDITION, "CHECK_OUT_BEFORE_CHECK_IN", () -> officer().checkOut(officeCheckOut(NIP)
                .setDeviceTime(ts(now().minus(Duration.ofHours(2)))).build()));
    }
}
