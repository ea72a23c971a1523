package io.jeda.attendance;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.common.security.Role;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator notices first: health, reflection, and a bound on request size. */
class ServerBasicsTest extends AttendanceTestBase {

    @Test
    void healthReportsServing() {
        HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, r.getStatus());
    }

    @Test
    void reflectionListsTheAttendanceServices() throws Exception {
        List<String> services = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        StreamObserver<ServerReflectionRequest> req = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse r) {
                        r.getListServicesResponse().getServiceList().forEach(s -> services.add(s.getName()));
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        done.countDown();
                    }
                });
        req.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        req.onCompleted();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(services.containsAll(List.of("jeda.attendance.v1.AttendanceService",
                "jeda.attendance.v1.AttendanceDayService", "jeda.attendance.v1.AttendanceRecapService")), services.toString());
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
}
