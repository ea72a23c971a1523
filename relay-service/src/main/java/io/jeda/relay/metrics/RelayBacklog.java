package io.jeda.relay.metrics;

import io.jeda.relay.app.RelayClock;
import io.jeda.relay.persistence.MessageStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The database's view, the same from every replica: {@code jeda_relay_messages_held} (waiting for
 * their delivery time), {@code jeda_relay_lease_backlog} (label {@code queue}: delivery or send; due
 * and not claimed, or claimed by a replica whose lease ran out) and {@code jeda_relay_dead_letters}
 * (events dead-lettered and not replayed). Counted at most once per
 * {@code jeda.relay.metrics.refresh}, whatever the scrape rate; NaN while the database does not answer.
 */
@Singleton
public class RelayBacklog implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RelayBacklog.class);

    private final MessageStore store;
    private final RelayClock clock;
    private final MeterRegistry registry;
    private final long refreshNanos;
    private volatile long countedAt;
    private volatile Map<String, Long> last;

    public RelayBacklog(MessageStore store, RelayClock clock, MeterRegistry registry,
                        @Value("${jeda.relay.metrics.refresh:15s}") Duration refresh) {
        this.store = store;
        this.clock = clock;
        this.registry = registry;
        this.refreshNanos = refresh.toNanos();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        gauge("jeda.relay.messages.held", "Messages waiting for their delivery time", null, c -> c.get("held"));
        gauge("jeda.relay.lease.backlog", "Due steps no live lease holds", "delivery", c -> c.get("delivery"));
        gauge("jeda.relay.lease.backlog", "Due sends no live lease holds", "send", c -> c.get("send"));
        gauge("jeda.relay.dead.letters", "Events dead-lettered and not replayed", null, c -> c.get("dead"));
    }

    private void gauge(String name, String description, String queue, ToDoubleFunction<Map<String, Long>> pick) {
        Gauge.Builder<RelayBacklog> b = Gauge.builder(name, this, g -> {
            Map<String, Long> counts = g.counts();
            return counts == null ? Double.NaN : pick.applyAsDouble(counts);
        }).description(description);
        if (queue != null) {
            b.tag("queue", queue);
        }
        b.register(registry);
    }

    synchronized Map<String, Long> counts() {
        long now = System.nanoTime();
        if (last == null || now - countedAt >= refreshNanos) {
            countedAt = now;
            try {
                last = store.backlog(clock.now());
            } catch (RuntimeException e) {
                LOG.debug("relay backlog not counted: {}", e.getMessage());
                last = null;
            }
        }
        return last;
    }
}
