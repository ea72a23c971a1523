package io.jeda.attendance;

import io.jeda.attendance.v1.AttendanceEvent;
import io.jeda.attendance.v1.AttendanceFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After an outage of policy-service, check-ins are verified again within seconds of it being back,
 * however long the outage was: the policy channel's reconnect back-off does not keep them unverified.
 */
class PolicyRecoveryTest extends AttendanceTestBase {

    /** Long enough for gRPC's reconnect back-off (1 s, x1.6 each failure) to grow past 10 s. */
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(5);

    private boolean checkedIn;


    /** The next event of the officer (in, then out, ...), with nothing cached of policy-service's answers. */
    private AttendanceEvent nextEvent() {
        directory.invalidateAll();
        AttendanceEvent e = checkedIn ? officer().checkOut(officeCheckOut(NIP).build())
                : officer().checkIn(officeCheckIn(NIP).build());
        checkedIn = !checkedIn;
        return e;
    }

    private static boolean unverified(AttendanceEvent e) {
        return e.getFlagsList().contains(AttendanceFlag.ATTENDANCE_FLAG_POLICY_UNVERIFIED);
    }

    @AfterEach
    void policyIsBack() {
        POLICY.up();
    }

    @Test
    void checkInsAreVerifiedAgainWithinSecondsOfPolicyServiceComingBack() throws InterruptedException {
        assertTrue(!unverified(nextEvent()), "verified before the outage");

        POLICY.down();
        long downUntil = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < downUntil) {
            assertTrue(unverified(nextEvent()), "unverified while policy-service is down");
            Thread.sleep(250);
        }

        POLICY.up();
        long back = System.nanoTime();
        AttendanceEvent e = nextEvent();
        while (unverified(e) && System.nanoTime() - back < Duration.ofSeconds(90).toNanos()) {
            Thread.sleep(100);
            e = nextEvent();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - back);
        assertTrue(!unverified(e), "still unverified 90 s after policy-service came back");
        assertTrue(took.compareTo(RECOVERY_LIMIT) <= 0, "verified again only after " + took.toMillis() + " ms");
        System.out.println("verified again " + took.toMillis() + " ms after policy-service was back");
    }
}
