package io.jeda.gateway.http;

import io.jeda.gateway.FaultMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service behind the gateway that is down or too slow gives the caller a prompt 503 problem naming
 * it, never a hang: attendance-service is down (nothing listens where the channel points) and
 * policy-service stalls past a short forward deadline.
 */
class DownstreamFaultsTest extends PeopleTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Map.of("grpc.channels.attendance.address", "127.0.0.1:" + s.getLocalPort(),
                    "jeda.gateway.people.forward-deadline", "400ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void prompt(long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, "answered in " + took.toMillis() + " ms");
    }

    @Test
    void checkInWhileAttendanceServiceIsDownIsA503NamingIt() {
        long start = System.nanoTime();
        Answer a = send(io.micronaut.http.HttpRequest.POST("/v1/me/check-ins", CHECK_IN)
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", "k1"),
                OFFICER_TOKEN);

        prompt(start);
        a.problem(503, "ATTENDANCE_UNAVAILABLE");
        assertEquals("attendance-service", a.json().getFieldsOrThrow("metadata").getStructValue()
                .getFieldsOrThrow("source").getStringValue());
    }

    @Test
    void aStalledPolicyServiceIsA503AfterTheForwardDeadline() {
        POLICY.mode(FaultMode.SLOW);
        long start = System.nanoTime();

        Answer a = post("/v1/team/plans/p1:approve", MANAGER_TOKEN, null);

        prompt(start);
        a.problem(503, "POLICY_TIMEOUT");
    }

    @Test
    void aFailingPolicyServiceIsA500WithoutItsInternals() {
        POLICY.mode(FaultMode.FAILING);

        Answer a = get("/v1/me/plans", OFFICER_TOKEN);

        a.problem(500, "POLICY_ERROR");
        assertTrue(!a.body().contains("database on fire"), a.body());
    }
}
