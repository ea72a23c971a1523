package io.jeda.gateway.client;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.gateway.PeopleSettings;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls any method of policy-service's or attendance-service's admin APIs, or of relay-service's
 * message and webhook APIs, on behalf of the person who called the gateway (their own bearer token, so the service checks their role and admin scope
 * again), with the forward deadline, or the export deadline for a streamed answer. A failure comes
 * back as the {@link JedaException} the service reported ({@link DownstreamErrors}).
 */
@Singleton
public class AdminForwarder {

    private final ManagedChannel policy;
    private final ManagedChannel attendance;
    private final ManagedChannel relay;
    private final PeopleSettings settings;

    public AdminForwarder(@GrpcChannel("policy") ManagedChannel policy,
                          @GrpcChannel("attendance") ManagedChannel attendance,
                          @GrpcChannel("relay") ManagedChannel relay, PeopleSettings settings) {
        this.policy = policy;
        this.attendance = attendance;
        this.relay = relay;
        this.settings = settings;
    }

    /** One unary call. */
    public <Q, R> R unary(String token, MethodDescriptor<Q, R> method, Q request) {
        try {
            return ClientCalls.blockingUnaryCall(newCall(token, method, settings.forwardDeadline()), request);
        } catch (StatusRuntimeException e) {
            throw DownstreamErrors.of(serviceOf(method), e);
        }
    }

    /** A server-streamed answer, handed to the sink message by message. */
    public <Q, R> void stream(String token, MethodDescriptor<Q, R> method, Q request, Consumer<R> sink) {
        try {
            Iterator<R> it = ClientCalls.blockingServerStreamingCall(newCall(token, method, settings.exportDeadline()),
                    request);
            it.forEachRemaining(sink);
        } catch (StatusRuntimeException e) {
            throw DownstreamErrors.of(serviceOf(method), e);
        }
    }

    /**
     * Starts a call whose answers and failure go to {@code out} (failures as the service's
     * JedaException); for forwarding a gRPC call as it is.
     */
    public <Q, R> void forward(String token, MethodDescriptor<Q, R> method, Q request, StreamObserver<R> out) {
        boolean streamed = method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING;
        ClientCall<Q, R> call = newCall(token, method, streamed ? settings.exportDeadline() : settings.forwardDeadline());
        StreamObserver<R> mapped = new StreamObserver<>() {
            @Override
            public void onNext(R value) {
                out.onNext(value);
            }

            @Override
            public void onError(Throwable t) {
                out.onError(t instanceof StatusRuntimeException e ? DownstreamErrors.of(serviceOf(method), e) : t);
            }

            @Override
            public void onCompleted() {
                out.onCompleted();
            }
        };
        if (streamed) {
            ClientCalls.asyncServerStreamingCall(call, request, mapped);
        } else {
            ClientCalls.asyncUnaryCall(call, request, mapped);
        }
    }

    private <Q, R> ClientCall<Q, R> newCall(String token, MethodDescriptor<Q, R> method, Duration deadline) {
        return channelOf(method).newCall(method, CallOptions.DEFAULT
                .withCallCredentials(BearerCredentials.of(token))
                .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS));
    }

    private ManagedChannel channelOf(MethodDescriptor<?, ?> method) {
        return switch (serviceOf(method)) {
            case Forwarder.ATTENDANCE -> attendance;
            case RelayForwarder.RELAY -> relay;
            default -> policy;
        };
    }

    private static String serviceOf(MethodDescriptor<?, ?> method) {
        String name = method.getServiceName() == null ? "" : method.getServiceName();
        if (name.startsWith("jeda.attendance.")) {
            return Forwarder.ATTENDANCE;
        }
        return name.startsWith("jeda.relay.") ? RelayForwarder.RELAY : Forwarder.POLICY;
    }
}
