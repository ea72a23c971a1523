package io.jeda.common.tls;

import io.grpc.netty.NettyServerBuilder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.grpc.server.GrpcServerConfiguration;
import io.netty.handler.ssl.ClientAuth;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Makes the service's gRPC server speak TLS when {@code jeda.grpc.server.plaintext} is false (each
 * service binds it to its own {@code JEDA_<SERVICE>_PLAINTEXT}, the switch its callers' channels
 * use too): the certificate from {@link TlsMaterial}, reloaded on change. Clients' certificates are
 * checked per {@code jeda.tls.client-auth} (none, optional, require).
 */
@Singleton
public class GrpcServerTls implements BeanCreatedEventListener<GrpcServerConfiguration> {

    private final BeanProvider<TlsMaterial> material;
    private final boolean plaintext;
    private final ClientAuth clientAuth;

    public GrpcServerTls(BeanProvider<TlsMaterial> material,
                         @Value("${jeda.grpc.server.plaintext:true}") boolean plaintext,
                         @Value("${jeda.tls.client-auth:none}") String clientAuth) {
        this.material = material;
        this.plaintext = plaintext;
        this.clientAuth = clientAuth(clientAuth);
    }

    static ClientAuth clientAuth(String value) {
        try {
            return ClientAuth.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("jeda.tls.client-auth (JEDA_TLS_CLIENT_AUTH) is none, optional or require, was " + value);
        }
    }

    @Override
    public GrpcServerConfiguration onCreated(BeanCreatedEvent<GrpcServerConfiguration> event) {
        GrpcServerConfiguration configuration = event.getBean();
        if (!plaintext && configuration.getServerBuilder() instanceof NettyServerBuilder netty) {
            netty.sslContext(GrpcTls.server(material.get(), clientAuth));
        }
        return configuration;
    }
}
