package io.jeda.gateway.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.gateway.app.RelayRequests;
import com.google.protobuf.Empty;
import io.jeda.relay.v1.DeadLetter;
import io.jeda.relay.v1.DeleteWebhookRequest;
import io.jeda.relay.v1.ListWebhooksRequest;
import io.jeda.relay.v1.ListWebhooksResponse;
import io.jeda.relay.v1.ListDeadLettersRequest;
import io.jeda.relay.v1.ListDeadLettersResponse;
import io.jeda.relay.v1.RegisterEmailChannelRequest;
import io.jeda.relay.v1.RegisterWebhookRequest;
import io.jeda.relay.v1.ReplayDeadLetterRequest;
import io.jeda.relay.v1.RotateWebhookSecretRequest;
import io.jeda.relay.v1.Webhook;
import io.jeda.relay.v1.WebhookServiceGrpc;
import jakarta.inject.Singleton;

import static io.jeda.gateway.grpc.RelayMessageEndpoint.caller;
import static io.jeda.gateway.grpc.RelayMessageEndpoint.done;

/** {@code jeda.relay.v1.WebhookService} on the gateway's gRPC port, forwarded with the caller's own token. */
@Singleton
public class RelayWebhookEndpoint extends WebhookServiceGrpc.WebhookServiceImplBase {

    private final RelayRequests relay;

    public RelayWebhookEndpoint(RelayRequests relay) {
        this.relay = relay;
    }

    @Override
    public void registerWebhook(RegisterWebhookRequest request, StreamObserver<Webhook> out) {
        done(out, relay.register(caller(), request));
    }

    @Override
    public void registerEmailChannel(RegisterEmailChannelRequest request, StreamObserver<Webhook> out) {
        done(out, relay.registerEmail(caller(), request));
    }

    @Override
    public void listWebhooks(ListWebhooksRequest request, StreamObserver<ListWebhooksResponse> out) {
        done(out, relay.webhooks(caller(), request.getEmailChannelsOnly(), request.getPageSize(), request.getPageToken()));
    }

    @Override
    public void deleteWebhook(DeleteWebhookRequest request, StreamObserver<Empty> out) {
        done(out, relay.remove(caller(), request.getName()));
    }

    @Override
    public void rotateWebhookSecret(RotateWebhookSecretRequest request, StreamObserver<Webhook> out) {
        done(out, relay.rotate(caller(), request.getName()));
    }

    @Override
    public void listDeadLetters(ListDeadLettersRequest request, StreamObserver<ListDeadLettersResponse> out) {
        done(out, relay.deadLetters(caller(), request.getPageSize(), request.getPageToken()));
    }

    @Override
    public void replayDeadLetter(ReplayDeadLetterRequest request, StreamObserver<DeadLetter> out) {
        done(out, relay.replay(caller(), request.getName()));
    }
}
