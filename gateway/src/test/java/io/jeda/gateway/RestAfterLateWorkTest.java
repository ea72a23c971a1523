package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minimum rest after late work, end to end: the last check-out comes from attendance-service's
 * status, and ROUTINE contact waits until the rest (default 11 h) is over even inside working hours.
 */
class RestAfterLateWorkTest extends GatewayTestBase {

    /** Wednesday 23:00 WIB, seven hours after the work window closed at 16:00. */
    private static final Instant LATE_CHECK_OUT = Instant.parse("2026-11-25T16:00:00Z");
    /** Thursday 07:45 WIB, inside the work window (07:30–16:00). */
    private static final Instant NEXT_MORNING = Instant.parse("2026-11-26T00:45:00Z");
    /** Thursday 10:00 WIB: eleven hours after the late check-out. */
    private static final Instant REST_ENDS = Instant.parse("2026-11-26T03:00:00Z");

    private Reachability ask(Urgency u, Instant at) {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setUrgency(u).setTime(ts(at)).build());
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    @Test
    void routineWaitsForTheRestAfterALateCheckOutButUrgentDoesNot() {
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_OFFICE, Instant.parse("2026-11-25T00:30:00Z"));
        ATTENDANCE.checkOut(OFFICER, LATE_CHECK_OUT);

        Reachability routine = ask(Urgency.URGENCY_ROUTINE, NEXT_MORNING);
        assertFalse(routine.getReachable(), routine.getReasonsList().toString());
        assertEquals(ts(REST_ENDS), routine.getNextReachableAt());
        assertFalse(routine.getDegraded());
        assertTrue(routine.getReasonsList().stream().anyMatch(r -> r.contains("rest")),
                routine.getReasonsList().toString());

        Reachability urgent = ask(Urgency.URGENCY_URGENT, NEXT_MORNING);
        assertTrue(urgent.getReachable(), urgent.getReasonsList().toString());

        // Once the rest is over, ROUTINE contact resumes.
        assertTrue(ask(Urgency.URGENCY_ROUTINE, REST_ENDS).getReachable());
    }

    @Test
    void aCheckOutAtTheEndOfTheWorkWindowOwesNoRest() {
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_OFFICE, Instant.parse("2026-11-25T00:30:00Z"));
        // Wednesday 16:00 WIB, the end of the window: not late work.
        ATTENDANCE.checkOut(OFFICER, Instant.parse("2026-11-25T09:00:00Z"));

        Reachability routine = ask(Urgency.URGENCY_ROUTINE, NEXT_MORNING);
        assertTrue(routine.getReachable(), routine.getReasonsList().toString());
    }
}
