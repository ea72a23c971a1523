package io.jeda.attendance;

import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.common.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An officer whose policy data is cached checks out at once even while every call thread waits for
 * a slow policy-service: CheckIn and CheckOut start on the transport thread and queue the write from
 * there (JEDA_ATTENDANCE_CHECKS_ON_TRANSPORT); only the requests that need a policy-service read go
 * to the call pool. {@link ChecksOnTransportOffTest} shows the same check-out queueing with it off.
 */
class ChecksOnTransportTest extends AttendanceTestBase {

    /** Check-ins of officers not cached, each holding the one call thread for a policy deadline. */
    private static final int SLOW = 4;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.LinkedHashMap<>(super.getProperties());
        p.put("jeda.grpc.server.threads", "1");
        p.put("jeda.attendance.checks-on-transport", String.valueOf(onTransport()));
        return p;
    }

    boolean onTransport() {
        return true;
    }

    /** Checks the officer in, stalls policy-service behind slow check-ins, and times the officer's check-out. */
    Duration checkOutWhileThePoolWaits() throws Exception {
        officer().checkIn(officeCheckIn(NIP).build());
        POLICY.behave(FakePolicyService.Behaviour.STALL);
        ExecutorService others = Executors.newFixedThreadPool(SLOW);
        try {
            List<Future<AttendanceEvent>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                String nip = String.format("1980010120050110%02d", 20 + i);
                slow.add(others.submit(() -> as(nip, Role.OFFICER).checkIn(officeCheckIn(nip).build())));
            }
            Thread.sleep(300);
            long start = System.nanoTime();
            AttendanceEvent out = officer().checkOut(officeCheckOut(NIP).build());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals("officers/" + NIP, out.getOfficer());
            for (Future<AttendanceEvent> f : slow) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(2 + SLOW, count("SELECT COUNT(*) FROM attendance_event"), "every check-in and the check-out are stored");
            return took;
        } finally {
            others.shutdownNow();
        }
    }

    @Test
    void aCheckOutWithCachedPolicyDataDoesNotQueueBehindSlowCheckIns() throws Exception {
        Duration took = checkOutWhileThePoolWaits();
        assertTrue(took.compareTo(Duration.ofMillis(1000)) < 0,
                "the check-out should not wait for " + SLOW + " slow check-ins on one call thread, took " + took);
    }
}
