package io.jeda.common.grpc;

import io.grpc.Attributes;
import io.grpc.BinaryLog;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.jeda.common.error.JedaException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bytes that do not parse as the request message are a bad argument: INVALID_ARGUMENT with the
 * reason {@code MALFORMED_REQUEST}, on every method of every service of the server.
 *
 * <p>gRPC parses a request before any interceptor sees it, and a failure to parse closes the call
 * as UNKNOWN ("Application error processing RPC"), which the {@link ErrorInterceptor} never sees. So
 * this hook rewrites every method the server looks up (its services, health and reflection alike)
 * to take the request's raw bytes, and parses them itself once the interceptors have run: a request
 * that parses goes on exactly as before; one that does not is answered here. The hook is the
 * server's per-method wrapper ({@link ServerBuilder#setBinaryLog}), the one place gRPC offers to
 * change how all methods read their requests; the server keeps no binary log of its own.
 */
@Singleton
public class MalformedRequests implements BeanCreatedEventListener<ServerBuilder<?>> {

    public static final String REASON = "MALFORMED_REQUEST";

    private final StatusMapper mapper;

    public MalformedRequests(@Value("${micronaut.application.name:jeda}") String domain) {
        this.mapper = new StatusMapper(domain);
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        ServerBuilder<?> builder = event.getBean();
        builder.setBinaryLog(new Hook(mapper));
        return builder;
    }

    /** The per-method wrapper: every method reads raw bytes and parses them in {@link Parsing}. */
    static final class Hook extends BinaryLog {
        private final StatusMapper mapper;

        Hook(StatusMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public <Q, R> ServerMethodDefinition<?, ?> wrapMethodDefinition(ServerMethodDefinition<Q, R> definition) {
            return wrap(definition, mapper);
        }

        @Override
        public Channel wrapChannel(Channel channel) {
            return channel;
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    /** The method of {@code definition}, reading raw bytes and refusing those that do not parse. */
    public static <Q, R> ServerMethodDefinition<InputStream, R> wrap(ServerMethodDefinition<Q, R> definition,
                                                                    StatusMapper mapper) {
        MethodDescriptor<Q, R> method = definition.getMethodDescriptor();
        MethodDescriptor<InputStream, R> raw = method.toBuilder(RAW, method.getResponseMarshaller()).build();
        ServerCallHandler<Q, R> handler = definition.getServerCallHandler();
        return ServerMethodDefinition.create(raw, (call, headers) -> {
            TypedCall<Q, R> typed = new TypedCall<>(call, method);
            ServerCall.Listener<Q> inner = handler.startCall(typed, headers);
            return new Parsing<>(typed, inner, method, mapper);
        });
    }

    /** Parses each request; one that does not parse closes the call and nothing more reaches the method. */
    private static final class Parsing<Q, R> extends ServerCall.Listener<InputStream> {
        private final TypedCall<Q, R> call;
        private final ServerCall.Listener<Q> inner;
        private final MethodDescriptor<Q, R> method;
        private final StatusMapper mapper;
        private volatile boolean refused;

        Parsing(TypedCall<Q, R> call, ServerCall.Listener<Q> inner, MethodDescriptor<Q, R> method, StatusMapper mapper) {
            this.call = call;
            this.inner = inner;
            this.method = method;
            this.mapper = mapper;
        }

        @Override
        public void onMessage(InputStream message) {
            if (refused) {
                return;
            }
            Q request;
            try {
                request = method.parseRequest(message);
            } catch (RuntimeException e) {
                refused = true;
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                StatusMapper.Mapped m = mapper.map(JedaException.invalidArgument(REASON, "the request is not a "
                        + method.getFullMethodName() + " request message: " + why, "method", method.getFullMethodName()));
                call.closeOnce(m.status(), m.trailers());
                return;
            }
            inner.onMessage(request);
        }

        @Override
        public void onHalfClose() {
            if (!refused) {
                inner.onHalfClose();
            }
        }

        @Override
        public void onReady() {
            if (!refused) {
                inner.onReady();
            }
        }

        @Override
        public void onCancel() {
            inner.onCancel();
        }

        @Override
        public void onComplete() {
            inner.onComplete();
        }
    }

    /** The call as the method and the interceptors know it: typed requests, its own descriptor, closed once. */
    private static final class TypedCall<Q, R> extends ServerCall<Q, R> {
        private final ServerCall<InputStream, R> delegate;
        private final MethodDescriptor<Q, R> method;
        private final AtomicBoolean closed = new AtomicBoolean();

        TypedCall(ServerCall<InputStream, R> delegate, MethodDescriptor<Q, R> method) {
            this.delegate = delegate;
            this.method = method;
        }

        void closeOnce(Status status, Metadata trailers) {
            if (closed.compareAndSet(false, true)) {
                delegate.close(status, trailers);
            }
        }

        @Override
        public void request(int numMessages) {
            delegate.request(numMessages);
        }

        @Override
        public void sendHeaders(Metadata headers) {
            delegate.sendHeaders(headers);
        }

        @Override
        public void sendMessage(R message) {
            delegate.sendMessage(message);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closeOnce(status, trailers);
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public boolean isCancelled() {
            return delegate.isCancelled();
        }

        @Override
        public void setMessageCompression(boolean enabled) {
            delegate.setMessageCompression(enabled);
        }

        @Override
        public void setCompression(String compressor) {
            delegate.setCompression(compressor);
        }

        @Override
        public void setOnReadyThreshold(int numBytes) {
            delegate.setOnReadyThreshold(numBytes);
        }

        @Override
        public SecurityLevel getSecurityLevel() {
            return delegate.getSecurityLevel();
        }

        @Override
        public Attributes getAttributes() {
            return delegate.getAttributes();
        }

        @Override
        public String getAuthority() {
            return delegate.getAuthority();
        }

        @Override
        public MethodDescriptor<Q, R> getMethodDescriptor() {
            return method;
        }
    }

    /** The request's bytes as they came; parsed by {@link Parsing} while the call's message is open. */
    private static final MethodDescriptor.Marshaller<InputStream> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(InputStream value) {
            return value;
        }

        @Override
        public InputStream parse(InputStream stream) {
            return stream;
        }
    };
}
