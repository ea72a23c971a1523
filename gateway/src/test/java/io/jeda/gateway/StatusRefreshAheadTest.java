package io.jeda.gateway;

import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.Sourced;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An officer's attendance status that is still asked about is read again in the background before
 * it expires (JEDA_GATEWAY_CACHE_STATUS_REFRESH_AHEAD): questions keep being answered from the cache,
 * none waits for attendance-service, and a check-in still shows within the refresh time.
 */
class StatusRefreshAheadTest extends GatewayTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("jeda.gateway.cache.status-expiry", "1500ms", "jeda.gateway.cache.status-refresh-ahead", "300ms");
    }

    @Test
    void aStatusInUseIsReadAgainBeforeItExpiresAndAQuestionNeverWaitsForIt() throws Exception {
        long missesBefore = attendanceClient.caches().get("attendance.status").stats().missCount();
        Sourced<AttendanceNow> first = attendanceClient.attendance(OFFICER);
        assertTrue(first.available());
        assertFalse(first.value().checkedIn());
        assertEquals(1, ATTENDANCE.singleCalls());

        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_OFFICE, Instant.parse("2026-11-25T01:00:00Z"));
        Thread.sleep(400);
        // Older than the refresh time: still answered from the cache, and a read starts behind it.
        ATTENDANCE.statusLatency = java.time.Duration.ofMillis(200);
        Sourced<AttendanceNow> stale = attendanceClient.attendance(OFFICER);
        assertTrue(stale.available());
        assertFalse(stale.value().checkedIn(), "the cached status is answered while the new one is read");

        Thread.sleep(600);
        Sourced<AttendanceNow> fresh = attendanceClient.attendance(OFFICER);
        assertTrue(fresh.value().checkedIn(), "the check-in shows once the background read is in");
        assertEquals(2, ATTENDANCE.singleCalls(), "one read in the background, none by the questions");

        // Asked about steadily for longer than the expiry: never a miss.
        ATTENDANCE.statusLatency = java.time.Duration.ZERO;
        for (int i = 0; i < 10; i++) {
            Thread.sleep(250);
            assertTrue(attendanceClient.attendance(OFFICER).value().checkedIn());
        }
        assertEquals(1, attendanceClient.caches().get("attendance.status").stats().missCount() - missesBefore,
                "only the very first question missed the cache");
    }
}
