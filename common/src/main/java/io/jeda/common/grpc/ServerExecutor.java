package io.jeda.common.grpc;

import io.grpc.Metadata;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs gRPC calls on a fixed pool of {@code jeda.grpc.server.threads} threads ({@link CallPool})
 * instead of Micronaut's unbounded "io" pool. Under overload the unbounded pool starts a thread per
 * waiting call (hundreds, all queueing for a few database connections, long after their callers gave
 * up); a fixed pool keeps the rest waiting in its queue, where {@link ExpiredCallInterceptor} drops
 * the calls whose deadline passed before a thread took them. 0 keeps Micronaut's default.
 *
 * <p>With a pool and a {@link TransportThreadCalls} bean, the methods it names start on the
 * transport thread that read them (no hand-over to the pool and back for an answer that is in
 * memory); every other call is handed to the pool as before.
 */
@Singleton
public class ServerExecutor implements BeanCreatedEventListener<ServerBuilder<?>> {

    private final CallPool pool;
    private final List<TransportThreadCalls> transportCalls;

    public ServerExecutor(CallPool pool, List<TransportThreadCalls> transportCalls) {
        this.pool = pool;
        this.transportCalls = transportCalls;
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        ServerBuilder<?> builder = event.getBean();
        if (!pool.fixed()) {
            return builder;
        }
        Executor calls = pool.executor();
        if (transportCalls.isEmpty()) {
            builder.executor(calls);
            return builder;
        }
        // The method lookup runs on the transport thread; the supplier then moves every call but the
        // named ones to the pool before the interceptors and the handler run.
        builder.executor(com.google.common.util.concurrent.MoreExecutors.directExecutor());
        builder.callExecutor(new ServerCallExecutorSupplier() {
            @Override
            public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata metadata) {
                for (TransportThreadCalls t : transportCalls) {
                    if (t.startsOnTransport(call.getMethodDescriptor())) {
                        return null;
                    }
                }
                return calls;
            }
        });
        return builder;
    }
}
