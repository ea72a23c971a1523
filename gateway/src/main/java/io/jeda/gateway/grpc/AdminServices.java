package io.jeda.gateway.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.jeda.attendance.v1.AttendanceDayServiceGrpc;
import io.jeda.attendance.v1.AttendanceRecapServiceGrpc;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.CallerContext;
import io.jeda.gateway.client.AdminForwarder;
import io.jeda.policy.v1.AdminChangeServiceGrpc;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.StaffRequestServiceGrpc;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.WebhookServiceGrpc;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin APIs of policy-service and attendance-service, and relay-service's message and webhook
 * APIs, on the gateway's gRPC port: in Kubernetes only the gateway is reachable, so agency systems,
 * admins and HR call {@code jeda.policy.v1.UnitService},
 * {@code ...OfficerService}, {@code jeda.attendance.v1.AttendanceRecapService} and the others here,
 * under the same names and messages. Each call is passed on as it is (bytes, not re-encoded) with the
 * caller's own token, so the service behind checks the role and admin scope; server reflection
 * describes these services like the gateway's own.
 */
@Factory
public class AdminServices {

    @Singleton
    @Named("units")
    ServerServiceDefinition units(AdminForwarder f) {
        return passOn(UnitServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("positions")
    ServerServiceDefinition positions(AdminForwarder f) {
        return passOn(PositionServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("officers")
    ServerServiceDefinition officers(AdminForwarder f) {
        return passOn(OfficerServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("calendar")
    ServerServiceDefinition calendar(AdminForwarder f) {
        return passOn(CalendarServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("rosters")
    ServerServiceDefinition rosters(AdminForwarder f) {
        return passOn(RosterServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("imports")
    ServerServiceDefinition imports(AdminForwarder f) {
        return passOn(io.jeda.policy.v1.ImportServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("admin-changes")
    ServerServiceDefinition adminChanges(AdminForwarder f) {
        return passOn(AdminChangeServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("attendance-days")
    ServerServiceDefinition attendanceDays(AdminForwarder f) {
        return passOn(AttendanceDayServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("attendance-recap")
    ServerServiceDefinition attendanceRecap(AdminForwarder f) {
        return passOn(AttendanceRecapServiceGrpc.getServiceDescriptor(), f);
    }

    /** Officers ask for attendance corrections and managers decide on them (attendance-service checks who). */
    @Singleton
    @Named("attendance-corrections")
    ServerServiceDefinition attendanceCorrections(AdminForwarder f) {
        return passOn(io.jeda.attendance.v1.AttendanceCorrectionServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("relay-messages")
    ServerServiceDefinition relayMessages(AdminForwarder f) {
        return passOn(MessageServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("relay-webhooks")
    ServerServiceDefinition relayWebhooks(AdminForwarder f) {
        return passOn(WebhookServiceGrpc.getServiceDescriptor(), f);
    }

    @Singleton
    @Named("staff-requests")
    ServerServiceDefinition staffRequests(AdminForwarder f, io.jeda.gateway.app.StaffRequests requests) {
        return passOn(StaffRequestServiceGrpc.getServiceDescriptor(), f, requests::afterForwarded);
    }

    /** The service under its own name, every method taking and giving the bytes of its messages. */
    static ServerServiceDefinition passOn(ServiceDescriptor original, AdminForwarder forwarder) {
        return passOn(original, forwarder, (method, reply) -> { });
    }

    /**
     * As {@link #passOn(ServiceDescriptor, AdminForwarder)}, and {@code afterReply} sees each answer's
     * bytes before the caller does (so that what a decision changed is forgotten from the caches
     * before the caller can ask again).
     */
    static ServerServiceDefinition passOn(ServiceDescriptor original, AdminForwarder forwarder,
                                          java.util.function.BiConsumer<String, byte[]> afterReply) {
        List<MethodDescriptor<byte[], byte[]>> methods = new ArrayList<>();
        ServiceDescriptor.Builder sd = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        for (MethodDescriptor<?, ?> m : original.getMethods()) {
            MethodDescriptor<byte[], byte[]> raw = m.toBuilder(BYTES, BYTES).build();
            methods.add(raw);
            sd.addMethod(raw);
        }
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(sd.build());
        for (MethodDescriptor<byte[], byte[]> m : methods) {
            ServerCalls.UnaryMethod<byte[], byte[]> forward = (request, out) -> forward(forwarder, m, request,
                    new StreamObserver<>() {
                        @Override
                        public void onNext(byte[] value) {
                            afterReply.accept(m.getBareMethodName(), value);
                            out.onNext(value);
                        }

                        @Override
                        public void onError(Throwable t) {
                            out.onError(t);
                        }

                        @Override
                        public void onCompleted() {
                            out.onCompleted();
                        }
                    });
            b.addMethod(m, m.getType() == MethodDescriptor.MethodType.SERVER_STREAMING
                    ? ServerCalls.asyncServerStreamingCall(forward::invoke)
                    : ServerCalls.asyncUnaryCall(forward));
        }
        return b.build();
    }

    private static void forward(AdminForwarder forwarder, MethodDescriptor<byte[], byte[]> m, byte[] request,
                                StreamObserver<byte[]> out) {
        String token = CallerContext.currentToken();
        if (token == null) {
            out.onError(JedaException.unauthenticated("MISSING_TOKEN", "this call needs a bearer token"));
            return;
        }
        forwarder.forward(token, m, request, out);
    }

    /** Messages as they arrived: the service behind the gateway reads and checks them. */
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
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
}
