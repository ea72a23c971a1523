package io.jeda.common.grpc;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Caps the reconnect back-off of every gRPC client channel a service creates (gateway to
 * policy-service and attendance-service, attendance-service to policy-service, relay-service to
 * the gateway and policy-service). gRPC waits 1 s after a failed connection and 1.6 times longer
 * after each further failure, up to two minutes, so a service that was down for a minute stayed
 * unreachable for up to another minute after it was back. Here each channel is looked at every
 * {@code jeda.grpc.client.reconnect-interval}; one in TRANSIENT_FAILURE has its back-off reset, so
 * it tries again at once: a service that is back is used again within about one interval. One
 * connection attempt per channel per interval is all it costs while a service is down. 0 leaves
 * gRPC's own back-off.
 */
@Singleton
public class ChannelReconnect implements BeanCreatedEventListener<ManagedChannel> {

    private final Duration interval;
    private final AtomicReference<ScheduledExecutorService> timer = new AtomicReference<>();

    public ChannelReconnect(@Value("${jeda.grpc.client.reconnect-interval:1s}") Duration interval) {
        this.interval = interval;
    }

    @Override
    public ManagedChannel onCreated(BeanCreatedEvent<ManagedChannel> event) {
        return watch(event.getBean());
    }

    /** Resets the channel's back-off whenever it is found in TRANSIENT_FAILURE, until it is shut down. */
    public ManagedChannel watch(ManagedChannel channel) {
        if (interval.isZero() || interval.isNegative()) {
            return channel;
        }
        long ms = Math.max(1, interval.toMillis());
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        synchronized (self) {
            self[0] = timer().scheduleWithFixedDelay(() -> {
                if (channel.isShutdown()) {
                    synchronized (self) {
                        self[0].cancel(false);
                    }
                    return;
                }
                if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
                    channel.resetConnectBackoff();
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
        }
        return channel;
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService t = timer.get();
        if (t != null) {
            return t;
        }
        ScheduledExecutorService fresh = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "grpc-channel-reconnect");
            th.setDaemon(true);
            return th;
        });
        if (timer.compareAndSet(null, fresh)) {
            return fresh;
        }
        fresh.shutdownNow();
        return timer.get();
    }

    @PreDestroy
    void close() {
        ScheduledExecutorService t = timer.get();
        if (t != null) {
            t.shutdownNow();
        }
    }
}
