package io.jeda.attendance;

import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.common.changes.PolicyChangeFollower;
import io.jeda.policy.v1.WorkPlace;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * attendance-service's cached schedule follows policy-service's change feed: a home day approved in
 * policy-service (through any gateway replica) lets the officer check in from home within a second,
 * though the office-only day was cached for ten minutes.
 */
class ChangeFeedCacheTest extends AttendanceTestBase {

    @Inject
    PolicyChangeFollower follower;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.LinkedHashMap<>(super.getProperties());
        // Long TTLs: only the change feed can make the change show in time.
        p.put("jeda.attendance.policy.cache.schedule-ttl", "10m");
        p.put("jeda.attendance.policy.cache.officer-ttl", "10m");
        return p;
    }

    @Test
    void aHomeDayApprovedInPolicyServiceIsUsedWithinASecond() throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!follower.follower().connected() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertTrue(follower.follower().connected(), "follows the change feed");
        CheckInRequest.Builder home = officeCheckIn(NIP).setMode(AttendanceMode.ATTENDANCE_MODE_HOME)
                .setPosition(at(HOME_LAT, HOME_LON, 10));
        // An office-only day, now cached.
        assertFails(Status.Code.FAILED_PRECONDITION, "MODE_NOT_ALLOWED", () -> officer().checkIn(home.build()));

        POLICY.allow(NIP, WorkPlace.WORK_PLACE_OFFICE, WorkPlace.WORK_PLACE_HOME);
        POLICY.officerChanged(NIP);
        long changed = System.nanoTime();

        while (true) {
            try {
                officer().checkIn(home.setIdempotencyKey(java.util.UUID.randomUUID().toString()).build());
                break;
            } catch (io.grpc.StatusRuntimeException e) {
                if (System.nanoTime() - changed > 1_000_000_000L) {
                    throw new AssertionError("still refused a second after the change: " + e.getStatus(), e);
                }
                Thread.sleep(20);
            }
        }
        System.out.println("change feed: attendance-service used the new schedule after "
                + (System.nanoTime() - changed) / 1_000_000 + " ms");
    }
}
