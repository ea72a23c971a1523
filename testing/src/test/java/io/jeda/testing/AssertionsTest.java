package io.jeda.testing;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.ProblemBody;
import io.jeda.common.grpc.ErrorInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static io.jeda.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AssertionsTest {

    private Server server;
    private ManagedChannel channel;
    private HealthGrpc.HealthBlockingStub stub;

    /** Answers by the service name asked: "ok", "missing" (a domain error), "snake" (a raw status with a bad key). */
    private static final class Fake extends HealthGrpc.HealthImplBase {
        @Override
        public void check(HealthCheckRequest req, StreamObserver<HealthCheckResponse> out) {
            switch (req.getService()) {
                case "ok" -> {
                    out.onNext(HealthCheckResponse.getDefaultInstance());
                    out.onCompleted();
                }
                case "missing" -> throw JedaException.of(ErrorKind.NOT_FOUND, "OFFICER_NOT_FOUND", "no such officer",
                        "officer_name", "officers/1");
                default -> out.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("bad")
                        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("BAD").setDomain("x")
                                .putMetadata("snake_key", "v").build())).build()));
            }
        }
    }

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(new Fake(), new ErrorInterceptor("test"))).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = HealthGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    private HealthCheckResponse ask(String what) {
        return stub.check(HealthCheckRequest.newBuilder().setService(what).build());
    }

    @Test
    void aMatchingFailurePassesAndExposesLowerCamelMetadata() {
        GrpcAssertions.Failure f = assertFails(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND", () -> ask("missing"))
                .hasMetadata("officerName", "officers/1");
        assertEquals("test", f.errorInfo().getDomain());
    }

    @Test
    void anotherCodeReasonOrMetadataValueFails() {
        assertThrows(AssertionFailedError.class,
                () -> assertFails(Status.Code.INVALID_ARGUMENT, "OFFICER_NOT_FOUND", () -> ask("missing")));
        assertThrows(AssertionFailedError.class,
                () -> assertFails(Status.Code.NOT_FOUND, "UNIT_NOT_FOUND", () -> ask("missing")));
        assertThrows(AssertionFailedError.class, () -> assertFails(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND",
                () -> ask("missing")).hasMetadata("officerName", "officers/2"));
    }

    @Test
    void aCallThatSucceedsFails() {
        assertThrows(AssertionFailedError.class, () -> assertFails(Status.Code.NOT_FOUND, "X", () -> ask("ok")));
    }

    @Test
    void aSnakeCaseMetadataKeyBreaksTheContract() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> assertFails(Status.Code.INVALID_ARGUMENT, "BAD", () -> ask("snake")));
        assertEquals(true, e.getMessage().contains("snake_key"), e.getMessage());
    }

    @Test
    void problemBodies() {
        ProblemBody body = ProblemBody.of(JedaException.invalidArgument("INVALID_NIP", "too short",
                "field", "nip", "part", "LENGTH"));
        assertProblem(400, "INVALID_NIP", body.status(), ProblemBody.MEDIA_TYPE, body.json())
                .hasMetadata("part", "LENGTH").detailContains("short");
        assertThrows(AssertionFailedError.class,
                () -> assertProblem(400, "INVALID_NIP", 400, "application/json", body.json()));
        assertThrows(AssertionFailedError.class,
                () -> assertProblem(404, "INVALID_NIP", body.status(), ProblemBody.MEDIA_TYPE, body.json()));
        assertThrows(AssertionFailedError.class, () -> assertProblem(400, "X", 400, ProblemBody.MEDIA_TYPE,
                "{\"reason\":\"X\",\"metadata\":{\"max_days\":\"3\"}}"));
    }
}
