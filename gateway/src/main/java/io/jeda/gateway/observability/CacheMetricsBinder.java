package io.jeda.gateway.observability;

import com.github.benmanes.caffeine.cache.Cache;
import io.jeda.gateway.client.AttendanceClient;
import io.jeda.gateway.client.PolicyClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Publishes the hit and miss counts, evictions and sizes of the policy and attendance client caches
 * ({@code cache_gets_total{cache,result="hit"|"miss"}}, {@code cache_size}, ...), from the statistics
 * Caffeine records for them. Bound once at start; reading the statistics costs the hot path nothing
 * beyond Caffeine's own striped counters.
 */
@Singleton
public class CacheMetricsBinder implements ApplicationEventListener<StartupEvent> {

    private final MeterRegistry registry;
    private final PolicyClient policy;
    private final AttendanceClient attendance;

    public CacheMetricsBinder(MeterRegistry registry, PolicyClient policy, AttendanceClient attendance) {
        this.registry = registry;
        this.policy = policy;
        this.attendance = attendance;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        bind(policy.caches());
        bind(attendance.caches());
    }

    private void bind(Map<String, Cache<?, ?>> caches) {
        caches.forEach((name, cache) -> CaffeineCacheMetrics.monitor(registry, cache, name));
    }
}
