package io.jeda.gateway.client;

import io.grpc.ManagedChannel;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.WebhookServiceGrpc;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

import java.util.function.Function;

/**
 * Calls relay-service on behalf of the person or agency system that called the gateway, as
 * {@link Forwarder} does for policy-service and attendance-service: the caller's own bearer token and
 * the forward deadline on every call, and relay-service's failure back as the same reason
 * ({@code RELAY_UNAVAILABLE} or {@code RELAY_TIMEOUT} when it did not answer).
 */
@Singleton
public class RelayForwarder {

    static final String RELAY = "relay-service";

    private final Forwarder forwarder;
    private final MessageServiceGrpc.MessageServiceBlockingStub messages;
    private final WebhookServiceGrpc.WebhookServiceBlockingStub webhooks;

    public RelayForwarder(@GrpcChannel("relay") ManagedChannel relay, Forwarder forwarder) {
        this.forwarder = forwarder;
        this.messages = MessageServiceGrpc.newBlockingStub(relay);
        this.webhooks = WebhookServiceGrpc.newBlockingStub(relay);
    }

    public <T> T messages(String token, Function<MessageServiceGrpc.MessageServiceBlockingStub, T> rpc) {
        return forwarder.call(RELAY, messages, token, rpc);
    }

    public <T> T webhooks(String token, Function<WebhookServiceGrpc.WebhookServiceBlockingStub, T> rpc) {
        return forwarder.call(RELAY, webhooks, token, rpc);
    }
}
