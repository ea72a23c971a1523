package io.jeda.gateway;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The admin methods a fake service does not implement itself, answered generically so that the
 * gateway's forwarding can be seen: every request is recorded with the authorization it carried, and
 * answered with the message it names of the answer's type (a created unit is the unit sent) or else
 * the empty answer; a CSV export answers one header line.
 */
final class AdminAnswers implements ServerInterceptor {

    /** A request the fake received. */
    record Received(String method, Message request, String authorization) {
    }

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> implemented;
    private final Map<String, ServerMethodDefinition<?, ?>> fallback = new HashMap<>();

    /**
     * @param implemented full method names the fake answers itself
     * @param unregistered services the fake has no ImplBase for, answered wholly here
     */
    AdminAnswers(Set<String> implemented, List<ServiceDescriptor> unregistered) {
        this.implemented = implemented;
        for (ServiceDescriptor d : unregistered) {
            for (MethodDescriptor<?, ?> m : d.getMethods()) {
                fallback.put(m.getFullMethodName(), definition(m));
            }
        }
    }

    /** Refusals to answer instead, by simple method name (e.g. ExportMonthlyRecap), until reset. */
    final Map<String, io.jeda.common.error.JedaException> failures = new java.util.concurrent.ConcurrentHashMap<>();

    void reset() {
        received.clear();
        failures.clear();
    }

    /** The last request of a method (its simple name, e.g. CreateUnit). */
    Received last(String method) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).method().equals(method)) {
                return received.get(i);
            }
        }
        throw new AssertionError("no " + method + " received; got " + received);
    }

    HandlerRegistry registry() {
        return new HandlerRegistry() {
            @Override
            public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
                return fallback.get(methodName);
            }
        };
    }

    private <Q, R> ServerMethodDefinition<Q, R> definition(MethodDescriptor<Q, R> m) {
        return ServerMethodDefinition.create(m, this::answer);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        if (implemented.contains(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        return answer(call, headers);
    }

    private <Q, R> ServerCall.Listener<Q> answer(ServerCall<Q, R> call, Metadata headers) {
        call.request(1);
        return new ServerCall.Listener<>() {
            private Q request;

            @Override
            public void onMessage(Q message) {
                request = message;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void onHalfClose() {
                MethodDescriptor<Q, R> m = call.getMethodDescriptor();
                String auth = headers.get(AUTHORIZATION);
                received.add(new Received(m.getBareMethodName(), (Message) request, auth == null ? "" : auth));
                io.jeda.common.error.JedaException refusal = failures.get(m.getBareMethodName());
                if (refusal != null) {
                    var mapped = new io.jeda.common.grpc.StatusMapper("fake").map(refusal);
                    call.close(mapped.status(), mapped.trailers());
                    return;
                }
                R prototype = ((MethodDescriptor.PrototypeMarshaller<R>) m.getResponseMarshaller()).getMessagePrototype();
                call.sendHeaders(new Metadata());
                call.sendMessage((R) reply((Message) prototype, (Message) request));
                call.close(Status.OK, new Metadata());
            }
        };
    }

    /** The request's own message of the answer's type, if it has one; a CSV chunk carries a header line. */
    private static Message reply(Message prototype, Message request) {
        Message.Builder b = prototype.newBuilderForType();
        for (FieldDescriptor f : request.getDescriptorForType().getFields()) {
            if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isRepeated()
                    && f.getMessageType().equals(prototype.getDescriptorForType()) && request.hasField(f)) {
                b.mergeFrom((Message) request.getField(f));
            }
        }
        FieldDescriptor data = b.getDescriptorForType().findFieldByName("data");
        if (data != null && data.getType() == FieldDescriptor.Type.BYTES) {
            b.setField(data, ByteString.copyFromUtf8("officer,name,date,status\r\n"));
        }
        return b.build();
    }
}
