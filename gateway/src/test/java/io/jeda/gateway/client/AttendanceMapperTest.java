package io.jeda.gateway.client;

import com.google.protobuf.Timestamp;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.WorkLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AttendanceMapperTest {

    @Test
    void notCheckedInCarriesNothingElse() {
        assertEquals(AttendanceNow.none(), AttendanceMapper.now(OfficerStatus.newBuilder()
                .setOfficer("officers/198001012000011001").build()));
    }

    @Test
    void anOpenCheckInKeepsItsModeAndTimeAndWithoutACheckOutLeavesTheLastCheckOutUnknown() {
        Instant since = Instant.parse("2026-11-26T00:40:00Z");
        AttendanceNow now = AttendanceMapper.now(OfficerStatus.newBuilder().setOfficer("officers/198001012000011001")
                .setCheckedIn(true).setMode(AttendanceMode.ATTENDANCE_MODE_HOME)
                .setSince(Timestamp.newBuilder().setSeconds(since.getEpochSecond())).build());

        assertEquals(new AttendanceNow(true, WorkLocation.HOME, since, null), now);
        assertNull(now.lastCheckOut());
    }

    @Test
    void theLastCheckOutIsCarriedWhetherOrNotTheOfficerIsCheckedIn() {
        Instant out = Instant.parse("2026-11-25T16:00:00Z");
        Instant since = Instant.parse("2026-11-26T00:40:00Z");
        Timestamp outTs = Timestamp.newBuilder().setSeconds(out.getEpochSecond()).build();

        assertEquals(AttendanceNow.checkedOut(out), AttendanceMapper.now(OfficerStatus.newBuilder()
                .setOfficer("officers/198001012000011001").setLastCheckOutTime(outTs).build()));
        assertEquals(new AttendanceNow(true, WorkLocation.OFFICE, since, out), AttendanceMapper.now(
                OfficerStatus.newBuilder().setOfficer("officers/198001012000011001").setCheckedIn(true)
                        .setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE)
                        .setSince(Timestamp.newBuilder().setSeconds(since.getEpochSecond()))
                        .setLastCheckOutTime(outTs).build()));
    }

    @Test
    void aCheckInWithoutTimeOrModeIsStillACheckIn() {
        AttendanceNow now = AttendanceMapper.now(OfficerStatus.newBuilder().setCheckedIn(true).build());

        assertEquals(new AttendanceNow(true, null, null, null), now);
    }

    @ParameterizedTest
    @CsvSource({"ATTENDANCE_MODE_OFFICE,OFFICE", "ATTENDANCE_MODE_HOME,HOME", "ATTENDANCE_MODE_OTHER,OTHER",
            "ATTENDANCE_MODE_UNSPECIFIED,"})
    void modes(AttendanceMode mode, WorkLocation expected) {
        assertEquals(expected, AttendanceMapper.mode(mode));
    }
}
