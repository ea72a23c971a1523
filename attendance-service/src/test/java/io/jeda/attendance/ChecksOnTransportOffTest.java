package io.jeda.attendance;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** With JEDA_ATTENDANCE_CHECKS_ON_TRANSPORT=false every call takes a pool thread: the check-out waits its turn. */
class ChecksOnTransportOffTest extends ChecksOnTransportTest {

    @Override
    boolean onTransport() {
        return false;
    }

    @Test
    @Override
    void aCheckOutWithCachedPolicyDataDoesNotQueueBehindSlowCheckIns() throws Exception {
        Duration took = checkOutWhileThePoolWaits();
        assertTrue(took.compareTo(Duration.ofMillis(1000)) >= 0,
                "with the setting off the check-out queues behind the slow check-ins, took " + took);
    }
}
