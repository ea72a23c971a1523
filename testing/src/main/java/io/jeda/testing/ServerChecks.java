package io.jeda.testing;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.jeda.common.grpc.GrpcErrors;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What an operator checks first on any Jeda service, asked the way a probe or grpcurl asks it: gRPC
 * health answers SERVING, server reflection lists the service's APIs, and bytes that are no request
 * message are refused as a bad argument on every method.
 */
public final class ServerChecks {

    private ServerChecks() {
    }

    /** Fails unless the server's overall health is SERVING. */
    public static void assertServing(Channel channel) {
        HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, r.getStatus());
    }

    /** Fails unless server reflection lists every one of {@code services} (full names). */
    public static void assertReflects(Channel channel, List<String> services) throws Exception {
        List<String> listed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> req = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse r) {
                        r.getListServicesResponse().getServiceList().forEach(s -> listed.add(s.getName()));
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        req.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        req.onCompleted();
        done.get(10, TimeUnit.SECONDS);
        assertTrue(listed.containsAll(services), "reflection lists " + listed + ", expected " + services);
    }

    /** Bytes that no protobuf message parses from: a field number 0 with a truncated varint. */
    public static final byte[] MALFORMED = {0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    /**
     * Sends {@link #MALFORMED} to every method of {@code services}, with {@code credentials}, and fails
     * unless each answers INVALID_ARGUMENT with the reason MALFORMED_REQUEST (never UNKNOWN or INTERNAL).
     */
    public static void assertMalformedRequestsRefused(Channel channel, CallCredentials credentials,
                                                      List<ServiceDescriptor> services) {
        List<String> wrong = new ArrayList<>();
        int methods = 0;
        for (ServiceDescriptor service : services) {
            for (MethodDescriptor<?, ?> m : service.getMethods()) {
                methods++;
                try {
                    ClientCalls.blockingUnaryCall(channel, rawMethod(m.getFullMethodName()),
                            CallOptions.DEFAULT.withCallCredentials(credentials).withDeadlineAfter(10, TimeUnit.SECONDS),
                            MALFORMED);
                    wrong.add(m.getFullMethodName() + ": OK");
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT
                            || !"MALFORMED_REQUEST".equals(GrpcErrors.reason(e))) {
                        wrong.add(m.getFullMethodName() + ": " + e.getStatus().getCode() + " " + GrpcErrors.reason(e)
                                + " " + e.getStatus().getDescription());
                    }
                }
            }
        }
        assertTrue(methods > 0, "no methods in " + services);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " of " + methods + " methods did not refuse a malformed request as INVALID_ARGUMENT "
                    + "MALFORMED_REQUEST:\n" + String.join("\n", wrong));
        }
    }

    /** A unary method of that name whose request and response are raw bytes. */
    public static MethodDescriptor<byte[], byte[]> rawMethod(String fullMethodName) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullMethodName).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** What a client may be sent back of its own input at most: the size of the error's trailers. */
    public static final int MAX_ERROR_TRAILER_BYTES = 4096;

    /**
     * Fails unless the failure's description and details are small: a long input must not be echoed
     * whole (a client's default limit on response headers is 8 KiB, beyond which it sees INTERNAL).
     */
    public static void assertBoundedEcho(StatusRuntimeException e) {
        int size = 0;
        io.grpc.Metadata trailers = e.getTrailers();
        if (trailers != null) {
            for (String key : trailers.keys()) {
                if (key.endsWith(io.grpc.Metadata.BINARY_HEADER_SUFFIX)) {
                    for (byte[] v : trailers.getAll(io.grpc.Metadata.Key.of(key, io.grpc.Metadata.BINARY_BYTE_MARSHALLER))) {
                        size += key.length() + (v.length + 2) / 3 * 4;
                    }
                } else {
                    for (String v : trailers.getAll(io.grpc.Metadata.Key.of(key, io.grpc.Metadata.ASCII_STRING_MARSHALLER))) {
                        size += key.length() + v.length();
                    }
                }
            }
        }
        String description = e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
        size += description.length() * 3;
        assertTrue(size <= MAX_ERROR_TRAILER_BYTES, "the error's trailers are about " + size + " bytes (more than "
                + MAX_ERROR_TRAILER_BYTES + "): " + e.getStatus().getCode() + " "
                + description.substring(0, Math.min(200, description.length())));
    }
}
