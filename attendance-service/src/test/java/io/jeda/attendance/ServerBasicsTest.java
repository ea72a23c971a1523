package io.jeda.attendance;

import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.common.security.Role;
import io.jeda.testing.ServerChecks;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an operator notices first: health, reflection, and a bound on request size. */
class ServerBasicsTest extends AttendanceTestBase {

    @Test
    void healthReportsServing() {
        ServerChecks.assertServing(channel);
    }

    @Test
    void reflectionListsTheAttendanceServices() throws Exception {
        ServerChecks.assertReflects(channel, List.of("jeda.attendance.v1.AttendanceService",
                "jeda.attendance.v1.AttendanceDayService", "jeda.attendance.v1.AttendanceRecapService"));
    }

    @Test
    void oversizedRequestsAreRefused() {
        BatchGetCurrentStatusesRequest.Builder b = BatchGetCurrentStatusesRequest.newBuilder();
        for (int i = 0; i < 5000; i++) {
            b.addOfficers("officers/" + NIP);
        }
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () ->
                AttendanceServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("gateway", Role.SERVICE))
                        .batchGetCurrentStatuses(b.build()));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    }

    @Test
    void bytesThatAreNoRequestAreABadArgumentOnEveryMethod() {
        ServerChecks.assertMalformedRequestsRefused(channel, Tokens.as("gateway", Role.SERVICE, Role.ADMIN),
                List.of(AttendanceServiceGrpc.getServiceDescriptor(), AttendanceDayServiceGrpc.getServiceDescriptor(),
                        AttendanceRecapServiceGrpc.getServiceDescriptor()));
    }
}
