package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.ReachabilityState;
import io.jeda.gateway.v1.Urgency;
import io.jeda.gateway.v1.WorkLocation;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.jeda.gateway.FakePolicyService.BACKUP;
import static io.jeda.gateway.FakePolicyService.OFFICER;
import static io.jeda.gateway.FakePolicyService.ONCALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When attendance-service stalls or fails the gateway still answers within its budget, from the
 * schedule alone: degraded, naming attendance-service, and EXPECTED instead of AVAILABLE even for an
 * officer who is in fact checked in.
 */
class AttendanceDegradedTest extends GatewayTestBase {

    private static final Duration STALL = Duration.ofSeconds(3);
    /** Thursday 10:00 WIB, inside the fake's working hours. */
    private static final Instant IN_HOURS = Instant.parse("2026-11-26T03:00:00Z");

    private ReachabilityServiceGrpc.ReachabilityServiceBlockingStub agency() {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private Reachability askInHours(String nip) {
        return agency().getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + nip)
                .setUrgency(Urgency.URGENCY_ROUTINE).setTime(ts(IN_HOURS)).build());
    }

    private static void assertFellBackToTheSchedule(Reachability r) {
        assertTrue(r.getDegraded());
        assertEquals(List.of("attendance-service"), r.getDegradedSourcesList());
        assertEquals(ReachabilityState.REACHABILITY_STATE_EXPECTED, r.getState());
        assertEquals(WorkLocation.WORK_LOCATION_OFFICE, r.getWorkLocation(), "the schedule's place, not the check-in's");
        assertTrue(r.getReachable(), "ROUTINE inside working hours rests on the schedule");
    }

    @Test
    void slowAttendanceServiceGivesAnExpectedAnswerWithinTheBudget() {
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_HOME, Instant.parse("2026-11-26T00:40:00Z"));
        ATTENDANCE.stall = STALL;
        ATTENDANCE.mode = FaultMode.SLOW;

        long start = System.nanoTime();
        Reachability r = askInHours(OFFICER);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "answered in " + took.toMillis() + " ms");
        assertFellBackToTheSchedule(r);
    }

    @Test
    void failingAttendanceServiceGivesAnExpectedAnswer() {
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_HOME, Instant.parse("2026-11-26T00:40:00Z"));
        ATTENDANCE.mode = FaultMode.FAILING;

        assertFellBackToTheSchedule(askInHours(OFFICER));
    }

    @Test
    void slowAttendanceServiceDuringABatchCostsOneDeadlineNotOnePerOfficer() {
        ATTENDANCE.stall = STALL;
        ATTENDANCE.mode = FaultMode.SLOW;

        long start = System.nanoTime();
        BatchGetReachabilityResponse r = agency().batchGetReachability(BatchGetReachabilityRequest.newBuilder()
                .addOfficers("officers/" + OFFICER).addOfficers("officers/" + ONCALL)
                .addOfficers("officers/" + BACKUP).setUrgency(Urgency.URGENCY_ROUTINE).setTime(ts(IN_HOURS)).build());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "answered in " + took.toMillis() + " ms");
        assertEquals(3, r.getAnswersCount());
        r.getAnswersList().forEach(AttendanceDegradedTest::assertFellBackToTheSchedule);
    }

    @Test
    void aFailedStatusIsNotCachedSoTheNextAnswerIsWholeAgain() {
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_HOME, Instant.parse("2026-11-26T00:40:00Z"));
        ATTENDANCE.mode = FaultMode.FAILING;
        assertFellBackToTheSchedule(askInHours(OFFICER));

        ATTENDANCE.mode = FaultMode.NORMAL;
        Reachability r = askInHours(OFFICER);

        assertEquals(ReachabilityState.REACHABILITY_STATE_AVAILABLE, r.getState());
        assertEquals(List.of(), r.getDegradedSourcesList());
    }
}
