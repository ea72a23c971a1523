package io.jeda.policy;

import io.jeda.common.security.Role;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.PlanServiceGrpc;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.testing.ServerChecks;
import java.util.List;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an operator and a client notice first: the service is healthy and refuses anonymous calls. */
class ServerBasicsTest extends PolicyTestBase {

    @Test
    void healthReportsServing() {
        HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, r.getStatus());
    }

    @Test
    void callWithoutTokenIsUnauthenticated() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () ->
                UnitServiceGrpc.newBlockingStub(channel).getUnit(GetUnitRequest.newBuilder().setName("units/x").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertEquals("MISSING_TOKEN", GrpcErrors.reason(e));
    }

    @Test
    void callWithForgedTokenIsUnauthenticated() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () ->
                UnitServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.garbage())
                        .getUnit(GetUnitRequest.newBuilder().setName("units/x").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertEquals("INVALID_TOKEN", GrpcErrors.reason(e));
    }

    @Test
    void bytesThatAreNoRequestAreABadArgumentOnEveryMethod() {
        ServerChecks.assertMalformedRequestsRefused(channel, Tokens.as("gateway", Role.SERVICE, Role.ADMIN),
                List.of(UnitServiceGrpc.getServiceDescriptor(), PositionServiceGrpc.getServiceDescriptor(),
                        OfficerServiceGrpc.getServiceDescriptor(), PlanServiceGrpc.getServiceDescriptor(),
                        CalendarServiceGrpc.getServiceDescriptor(), RosterServiceGrpc.getServiceDescriptor(),
                        ScheduleServiceGrpc.getServiceDescriptor()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {2_000, 100_000})
    void aLongNameIsAnsweredWithABoundedEcho(int length) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> UnitServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.as("gateway", Role.SERVICE, Role.ADMIN))
                .getUnit(GetUnitRequest.newBuilder().setName("units/" + "x".repeat(length)).build()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
                || e.getStatus().getCode() == Status.Code.NOT_FOUND, String.valueOf(e.getStatus()));
        ServerChecks.assertBoundedEcho(e);
    }
}
