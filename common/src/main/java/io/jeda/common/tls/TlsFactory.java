package io.jeda.common.tls;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The service's {@link TlsMaterial} from {@code jeda.tls.*}: the PEM files a Kubernetes TLS Secret or
 * cert-manager mounts, read again every {@code jeda.tls.reload-interval}. Created only when
 * something speaks TLS (a gRPC server or channel whose plaintext switch is false).
 */
@Factory
public class TlsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    TlsMaterial tlsMaterial(@Value("${jeda.tls.cert-file:}") String certFile,
                            @Value("${jeda.tls.key-file:}") String keyFile,
                            @Value("${jeda.tls.trust-file:}") String trustFile,
                            @Value("${jeda.tls.reload-interval:30s}") Duration reloadInterval) {
        return new TlsMaterial(path(certFile), path(keyFile), path(trustFile)).watch(reloadInterval);
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }
}
