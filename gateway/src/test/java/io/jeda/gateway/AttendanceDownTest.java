package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.ReachabilityState;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** attendance-service down: nothing listens where the gateway's attendance channel points. */
class AttendanceDownTest extends GatewayTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Map.of("grpc.channels.attendance.address", "127.0.0.1:" + s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reachability ask(Urgency u, Instant at) {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(GetReachabilityRequest.newBuilder()
                        .setOfficer("officers/" + FakePolicyService.OFFICER).setUrgency(u)
                        .setTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build());
    }

    @Test
    void answersFromTheScheduleAndQuicklyWhenAttendanceServiceIsDown() {
        long start = System.nanoTime();
        // Thursday 10:00 WIB, inside working hours.
        Reachability r = ask(Urgency.URGENCY_ROUTINE, Instant.parse("2026-11-26T03:00:00Z"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "answered in " + took.toMillis() + " ms");
        assertTrue(r.getDegraded());
        assertEquals(List.of("attendance-service"), r.getDegradedSourcesList());
        assertEquals(ReachabilityState.REACHABILITY_STATE_EXPECTED, r.getState());
        assertTrue(r.getReachable());
    }

    @Test
    void anEmergencyInHoursGoesToWhoeverIsOnCallWhenCheckInCannotBeTold() {
        Reachability r = ask(Urgency.URGENCY_EMERGENCY, Instant.parse("2026-11-26T03:00:00Z"));

        assertEquals(ReachabilityState.REACHABILITY_STATE_EXPECTED, r.getState());
        assertFalse(r.getReachable());
        assertTrue(r.getDegradedSourcesList().contains("attendance-service"));
    }
}
