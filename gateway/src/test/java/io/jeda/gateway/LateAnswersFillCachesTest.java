package io.jeda.gateway;

import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.DaySchedule;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.Sourced;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under load the services behind the gateway answer late. A request still stops waiting at its
 * deadline (and answers degraded), but the read it started goes on and fills the cache, and the
 * requests asking for the same data meanwhile share that one read: the gateway does not keep asking
 * again for what never reaches its cache.
 */
class LateAnswersFillCachesTest extends GatewayTestBase {

    private static final Duration LATE = Duration.ofMillis(900);

    @Test
    void anOfficerReadAnsweredAfterTheDeadlineIsCachedForTheNextRequest() throws Exception {
        POLICY.stall = LATE;
        POLICY.mode = FaultMode.LATE;

        Sourced<OfficerProfile> first = policyClient.officer(OFFICER);
        assertFalse(first.available(), "the request itself waits no longer than its deadline");

        Thread.sleep(LATE.toMillis() + 600);
        POLICY.mode = FaultMode.FAILING;
        Sourced<OfficerProfile> next = policyClient.officer(OFFICER);

        assertTrue(next.available(), "the late answer should have been cached");
        assertEquals(OFFICER, next.value().nip());
    }

    @Test
    void requestsMissingTheSameScheduleTogetherShareOneRead() throws Exception {
        POLICY.stall = LATE;
        POLICY.mode = FaultMode.LATE;
        LocalDate day = LocalDate.of(2026, 12, 7);
        int before = POLICY.authorizations.size();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Sourced<DaySchedule>>> asks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asks.add(() -> policyClient.schedule(OFFICER, day));
            }
            for (Future<Sourced<DaySchedule>> f : pool.invokeAll(asks)) {
                assertFalse(f.get().available());
            }
        } finally {
            pool.shutdown();
        }
        Thread.sleep(LATE.toMillis() + 600);

        assertEquals(1, POLICY.authorizations.size() - before, "one read of policy-service for eight requests");
        POLICY.mode = FaultMode.FAILING;
        assertTrue(policyClient.schedule(OFFICER, day).available(), "and its late answer is cached");
    }

    @Test
    void anAttendanceStatusAnsweredAfterTheDeadlineIsCachedForTheNextRequest() throws Exception {
        ATTENDANCE.stall = LATE;
        ATTENDANCE.mode = FaultMode.LATE;

        Sourced<AttendanceNow> first = attendanceClient.attendance(OFFICER);
        assertFalse(first.available());

        Thread.sleep(LATE.toMillis() + 600);
        ATTENDANCE.mode = FaultMode.FAILING;

        assertTrue(attendanceClient.attendance(OFFICER).available(), "the late status should have been cached");
    }
}
