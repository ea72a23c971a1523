package io.jeda.attendance;

import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.attendance.v1.BatchGetCurrentStatusesResponse;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.common.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The last check-out in status answers: what the gateway needs to tell late work and hold ROUTINE
 * contact back during the officer's rest.
 */
class LastCheckOutTest extends AttendanceTestBase {

    private OfficerStatus status(String nip) {
        return as("gateway", Role.SERVICE).getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + nip).build());
    }

    /** A period of work synced late, so that its times of record are the given device times. */
    private AttendanceEvent worked(Instant in, Instant out) {
        officer().checkIn(officeCheckIn(NIP).setDeviceTime(ts(in)).build());
        return officer().checkOut(officeCheckOut(NIP).setDeviceTime(ts(out)).build());
    }

    @Test
    void noCheckOutLeavesTheLastCheckOutUnset() {
        assertFalse(status(NIP).hasLastCheckOutTime());
        officer().checkIn(officeCheckIn(NIP).build());
        OfficerStatus s = status(NIP);
        assertTrue(s.getCheckedIn());
        assertFalse(s.hasLastCheckOutTime());
    }

    @Test
    void checkOutIsReportedAndStaysReportedAfterTheNextCheckIn() {
        AttendanceEvent out = worked(now().minus(Duration.ofHours(14)), now().minus(Duration.ofHours(9)));
        OfficerStatus s = status(NIP);
        assertFalse(s.getCheckedIn());
        assertEquals(out.getRecordTime(), s.getLastCheckOutTime());
        assertEquals(ts(now().minus(Duration.ofHours(9))).getSeconds(), s.getLastCheckOutTime().getSeconds(), 1);

        officer().checkIn(officeCheckIn(NIP).build());
        s = status(NIP);
        assertTrue(s.getCheckedIn());
        assertEquals(out.getRecordTime(), s.getLastCheckOutTime());
        // The officer themself sees it too.
        assertEquals(out.getRecordTime(), officer().getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build()).getLastCheckOutTime());
    }

    @Test
    void theLatestOfSeveralCheckOutsIsReported() {
        worked(now().minus(Duration.ofHours(40)), now().minus(Duration.ofHours(32)));
        AttendanceEvent latest = worked(now().minus(Duration.ofHours(16)), now().minus(Duration.ofHours(8)));
        assertEquals(latest.getRecordTime(), status(NIP).getLastCheckOutTime());
    }

    @Test
    void aCheckOutOlderThanTheLookbackIsNotReported() {
        // Default lookback 48 h; the late-sync limit (72 h) still accepts these events.
        worked(now().minus(Duration.ofHours(60)), now().minus(Duration.ofHours(50)));
        assertFalse(status(NIP).hasLastCheckOutTime());
    }

    @Test
    void batchReportsEachOfficersLastCheckOut() {
        AttendanceEvent out = worked(now().minus(Duration.ofHours(14)), now().minus(Duration.ofHours(9)));
        BatchGetCurrentStatusesResponse r = as("gateway", Role.SERVICE).batchGetCurrentStatuses(
                BatchGetCurrentStatusesRequest.newBuilder()
                        .addOfficers("officers/" + OTHER_NIP).addOfficers("officers/" + NIP)
                        .addOfficers("officers/" + NIP).build());
        assertEquals(2, r.getStatusesCount());
        assertEquals("officers/" + OTHER_NIP, r.getStatuses(0).getOfficer());
        assertFalse(r.getStatuses(0).hasLastCheckOutTime());
        assertEquals("officers/" + NIP, r.getStatuses(1).getOfficer());
        assertFalse(r.getStatuses(1).getCheckedIn());
        assertEquals(out.getRecordTime(), r.getStatuses(1).getLastCheckOutTime());
    }
}
