package io.jeda.gateway;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Another replica of the gateway in the same JVM: its own application context (caches, rate-limit
 * buckets, gRPC and HTTP servers on their own ports) with the test's configuration, on the same
 * database and the same policy-service and attendance-service.
 */
final class SecondGateway implements AutoCloseable {

    final ApplicationContext context;
    final ManagedChannel channel;

    SecondGateway(Map<String, String> properties) {
        Map<String, Object> p = new HashMap<>(properties);
        p.put("grpc.server.port", 0);
        p.put("micronaut.server.port", -1);
        context = ApplicationContext.run(p, "test");
        context.getBean(EmbeddedServer.class).start();
        int port = context.getBean(GrpcEmbeddedServer.class).getPort();
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    URI http() {
        return context.getBean(EmbeddedServer.class).getURI();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        context.close();
    }
}
