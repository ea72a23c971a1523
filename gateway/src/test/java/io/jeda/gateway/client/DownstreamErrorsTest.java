package io.jeda.gateway.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.ErrorTable;
import io.jeda.common.error.ProblemBody;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.common.grpc.StatusMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service's refusal read back from its gRPC status: same reason, values, violations, and HTTP status. */
class DownstreamErrorsTest {

    private static StatusRuntimeException sent(JedaException e) {
        StatusMapper.Mapped m = new StatusMapper("policy-service").map(e);
        return m.status().asRuntimeException(m.trailers());
    }

    @Test
    void badRequestFieldViolationsSurviveTheTrip() {
        JedaException original = JedaException.violations(ErrorKind.INVALID_ARGUMENT, "INVALID_PLAN", "incomplete",
                List.of(new Violation("FIELD_REQUIRED", "plan.days", "days are required"),
                        new Violation("TOO_LONG", "plan.note", "at most 1000: characters")));

        JedaException back = DownstreamErrors.of("policy-service", sent(original));

        assertEquals(ErrorKind.INVALID_ARGUMENT, back.kind());
        assertEquals("INVALID_PLAN", back.reason());
        assertEquals(original.violations(), back.violations());
        String body = ProblemBody.of(back).json();
        assertTrue(body.contains("\"violations\":[{\"reason\":\"FIELD_REQUIRED\",\"subject\":\"plan.days\","
                + "\"message\":\"days are required\"}"), body);
    }

    @Test
    void eachCodeGetsItsHttpStatus() {
        record Case(Status.Code code, int http) {
        }
        for (Case c : List.of(new Case(Status.Code.INVALID_ARGUMENT, 400), new Case(Status.Code.UNAUTHENTICATED, 401),
                new Case(Status.Code.PERMISSION_DENIED, 403), new Case(Status.Code.NOT_FOUND, 404),
                new Case(Status.Code.ALREADY_EXISTS, 409), new Case(Status.Code.ABORTED, 409),
                new Case(Status.Code.FAILED_PRECONDITION, 409), new Case(Status.Code.RESOURCE_EXHAUSTED, 429),
                new Case(Status.Code.UNAVAILABLE, 503), new Case(Status.Code.DEADLINE_EXCEEDED, 503),
                new Case(Status.Code.INTERNAL, 500))) {
            JedaException e = DownstreamErrors.of("attendance-service", c.code().toStatus().asRuntimeException());
            assertEquals(c.http(), ErrorTable.httpStatus(e.kind()), c.code().name());
        }
    }

    @Test
    void theServicesReasonWinsOverTheGenericOne() {
        JedaException e = DownstreamErrors.of("attendance-service", sent(JedaException.of(ErrorKind.UNAVAILABLE,
                "POLICY_UNAVAILABLE", "policy-service did not answer", "source", "policy-service")));

        assertEquals("POLICY_UNAVAILABLE", e.reason());
        assertEquals("policy-service", e.metadata().get("source"));
        assertEquals("ATTENDANCE_TIMEOUT", DownstreamErrors.of("attendance-service",
                Status.DEADLINE_EXCEEDED.asRuntimeException()).reason());
    }
}
