package io.jeda.common.metrics;

import io.jeda.common.tls.TlsMaterial;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * {@code jeda_tls_certificate_expiry_seconds}: when the certificate in use expires (Unix time), so
 * that an alert fires before a renewal that did not happen takes the service off the network. NaN
 * where the service has no certificate (plaintext).
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class TlsMetrics implements ApplicationEventListener<StartupEvent> {

    static final String NAME = "jeda.tls.certificate.expiry";

    private final MeterRegistry registry;
    private final BeanProvider<TlsMaterial> material;
    private final boolean configured;

    public TlsMetrics(MeterRegistry registry, BeanProvider<TlsMaterial> material,
                      @Value("${jeda.tls.cert-file:}") String certFile) {
        this.registry = registry;
        this.material = material;
        this.configured = certFile != null && !certFile.isBlank();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Gauge.builder(NAME, this, TlsMetrics::expiry)
                .description("When this service's TLS certificate expires, in seconds since the epoch (NaN without one)")
                .baseUnit("seconds")
                .register(registry);
    }

    private double expiry() {
        if (!configured) {
            return Double.NaN;
        }
        return material.get().notAfter().map(i -> (double) i.getEpochSecond()).orElse(Double.NaN);
    }
}
