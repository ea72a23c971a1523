package io.jeda.policy;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.UnitServiceGrpc;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service takes part in request ids (common's RequestIdServerInterceptor): the caller's
 * x-request-id comes back on the answer, and on a refusal, so both sides' logs can be matched.
 */
class RequestIdEchoTest extends PolicyTestBase {

    private static final Metadata.Key<String> KEY = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private static ClientInterceptor[] capture(AtomicReference<Metadata> headers, AtomicReference<Metadata> trailers,
                                               String id) {
        Metadata sent = new Metadata();
        sent.put(KEY, id);
        return new ClientInterceptor[] {MetadataUtils.newAttachHeadersInterceptor(sent),
                MetadataUtils.newCaptureMetadataInterceptor(headers, trailers)};
    }

    @Test
    void answeredCallEchoesTheCallersId() {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        HealthGrpc.newBlockingStub(channel).withInterceptors(capture(headers, trailers, "gw-1234"))
                .check(HealthCheckRequest.getDefaultInstance());
        assertEquals("gw-1234", headers.get().get(KEY));
    }

    @Test
    void refusedCallCarriesTheIdInItsTrailers() {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () ->
                UnitServiceGrpc.newBlockingStub(channel).withInterceptors(capture(headers, trailers, "refused-1"))
                        .getUnit(GetUnitRequest.newBuilder().setName("units/x").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        String id = headers.get() != null && headers.get().get(KEY) != null ? headers.get().get(KEY)
                : trailers.get().get(KEY);
        assertEquals("refused-1", id);
    }

    @Test
    void callWithoutAnIdGetsOneMadeForIt() {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        HealthGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                .check(HealthCheckRequest.getDefaultInstance());
        assertTrue(headers.get().get(KEY).matches("[0-9a-f]{32}"), headers.get().toString());
    }
}
