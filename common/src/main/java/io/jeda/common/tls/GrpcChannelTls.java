package io.jeda.common.tls;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.grpc.channels.GrpcNamedManagedChannelConfiguration;
import jakarta.inject.Singleton;

/**
 * Makes a configured gRPC channel ({@code grpc.channels.<name>}) speak TLS when its
 * {@code plaintext} setting is false: the server is verified against {@code jeda.tls.trust-file}
 * (the JDK's trusted roots when unset), and the service's own certificate is presented when it has
 * one (for servers that require client certificates). Trusted CAs are reloaded on change.
 */
@Singleton
// Services without outgoing channels (policy-service) do not ship the gRPC client runtime.
@Requires(classes = GrpcNamedManagedChannelConfiguration.class)
public class GrpcChannelTls implements BeanCreatedEventListener<GrpcNamedManagedChannelConfiguration> {

    private final BeanProvider<TlsMaterial> material;
    private final Environment environment;

    public GrpcChannelTls(BeanProvider<TlsMaterial> material, Environment environment) {
        this.material = material;
        this.environment = environment;
    }

    @Override
    public GrpcNamedManagedChannelConfiguration onCreated(BeanCreatedEvent<GrpcNamedManagedChannelConfiguration> event) {
        GrpcNamedManagedChannelConfiguration channel = event.getBean();
        boolean plaintext = environment.getProperty("grpc.channels." + channel.getName() + ".plaintext", Boolean.class)
                .orElse(false);
        if (!plaintext) {
            channel.getChannelBuilder().sslContext(GrpcTls.client(material.get()));
        }
        return channel;
    }
}
