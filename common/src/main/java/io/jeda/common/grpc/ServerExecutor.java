package io.jeda.common.grpc;

import io.grpc.ServerBuilder;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs gRPC calls on a fixed pool of {@code jeda.grpc.server.threads} threads instead of
 * Micronaut's unbounded "io" pool. Under overload the unbounded pool starts a thread per waiting
 * call (hundreds, all queueing for a few database connections, long after their callers gave up);
 * a fixed pool keeps the rest waiting in its queue, where {@link ExpiredCallInterceptor} drops the
 * calls whose deadline passed before a thread took them. 0 keeps Micronaut's default.
 */
@Singleton
public class ServerExecutor implements BeanCreatedEventListener<ServerBuilder<?>> {

    private final int threads;
    private volatile ExecutorService pool;

    public ServerExecutor(@Value("${jeda.grpc.server.threads:0}") int threads) {
        this.threads = threads;
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        ServerBuilder<?> builder = event.getBean();
        if (threads > 0) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "grpc-call-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            builder.executor(pool);
        }
        return builder;
    }

    @PreDestroy
    void close() {
        ExecutorService p = pool;
        if (p != null) {
            p.shutdown();
        }
    }
}
