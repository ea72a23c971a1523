package io.jeda.relay;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.jeda.relay.v1.ListMessagesRequest;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.Urgency;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator notices first: health, reflection, and a bound on request size. */
class ServerBasicsTest extends RelayTestBase {

    @Test
    void healthReportsServing() {
        HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, r.getStatus());
    }

    @Test
    void reflectionListsTheRelayServices() throws Exception {
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
        assertTrue(services.containsAll(List.of("jeda.relay.v1.MessageService",
                "jeda.relay.v1.WebhookService")), services.toString());
    }

    @Test
    void oversizedRequestsAreRefused() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> agency()
                .submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "x").setText("t".repeat(100_000)).build()));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    }

    @Test
    void callsWithoutATokenAreRefused() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> MessageServiceGrpc
                .newBlockingStub(channel).listMessages(ListMessagesRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
    }
}
