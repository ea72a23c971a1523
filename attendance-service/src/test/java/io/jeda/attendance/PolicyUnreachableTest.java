package io.jeda.attendance;

import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceFlag;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** policy-service not running at all (nothing listens at its address): check-ins still land. */
class PolicyUnreachableTest extends AttendanceTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.LinkedHashMap<>(super.getProperties());
        p.put("grpc.channels.policy.address", "127.0.0.1:" + freePort());
        return p;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void checkInAndCheckOutAreAcceptedUnverified() {
        long start = System.nanoTime();
        AttendanceEvent in = officer().checkIn(officeCheckIn(NIP).build());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2000);
        assertTrue(in.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED));
        assertTrue(officer().getCurrentStatus(GetCurrentStatusRequest.newBuilder()
                .setOfficer("officers/" + NIP).build()).getCheckedIn());
        AttendanceEvent out = officer().checkOut(officeCheckOut(NIP).build());
        assertTrue(out.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED));
        assertEquals(2, count("SELECT COUNT(*) FROM attendance_event WHERE verification = 'UNVERIFIED'"));
    }
}
