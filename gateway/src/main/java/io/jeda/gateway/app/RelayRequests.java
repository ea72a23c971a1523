package io.jeda.gateway.app;

import io.jeda.gateway.client.RelayForwarder;
import io.jeda.relay.v1.AcknowledgeMessageRequest;
import io.jeda.relay.v1.DeadLetter;
import io.jeda.relay.v1.GetMessageRequest;
import io.jeda.relay.v1.ListDeadLettersRequest;
import io.jeda.relay.v1.ListDeadLettersResponse;
import io.jeda.relay.v1.ListMessagesRequest;
import io.jeda.relay.v1.ListMessagesResponse;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.DeleteWebhookRequest;
import io.jeda.relay.v1.ListWebhooksRequest;
import io.jeda.relay.v1.ListWebhooksResponse;
import io.jeda.relay.v1.RegisterEmailChannelRequest;
import io.jeda.relay.v1.RegisterWebhookRequest;
import io.jeda.relay.v1.ReplayDeadLetterRequest;
import io.jeda.relay.v1.ResolveMessageRequest;
import io.jeda.relay.v1.RotateWebhookSecretRequest;
import io.jeda.relay.v1.SubmitMessageRequest;
import io.jeda.relay.v1.Webhook;
import jakarta.inject.Singleton;

/**
 * Messages held by Jeda and the agencies' webhooks, reached through the gateway (the only service
 * reachable from outside the cluster). Every request is forwarded to relay-service with the caller's
 * own token: relay-service decides who may submit (agency clients), who may see a message (its
 * agency, the officers it went to) and who may acknowledge or resolve it (the officer holding it).
 * The same use cases serve the REST routes, the gRPC services and the web app.
 */
@Singleton
public class RelayRequests {

    private final RelayForwarder forward;

    public RelayRequests(RelayForwarder forward) {
        this.forward = forward;
    }

    public Message submit(Person p, SubmitMessageRequest request) {
        return forward.messages(p.token(), s -> s.submitMessage(request));
    }

    public Message get(Person p, String name) {
        return forward.messages(p.token(), s -> s.getMessage(GetMessageRequest.newBuilder().setName(name).build()));
    }

    public ListMessagesResponse list(Person p, int pageSize, String pageToken) {
        return forward.messages(p.token(), s -> s.listMessages(ListMessagesRequest.newBuilder()
                .setPageSize(pageSize).setPageToken(pageToken == null ? "" : pageToken).build()));
    }

    public Message acknowledge(Person p, String name) {
        return forward.messages(p.token(), s -> s.acknowledgeMessage(
                AcknowledgeMessageRequest.newBuilder().setName(name).build()));
    }

    public Message resolve(Person p, String name) {
        return forward.messages(p.token(), s -> s.resolveMessage(ResolveMessageRequest.newBuilder().setName(name).build()));
    }

    public Webhook register(Person p, RegisterWebhookRequest request) {
        return forward.webhooks(p.token(), s -> s.registerWebhook(request));
    }

    public Webhook registerEmail(Person p, RegisterEmailChannelRequest request) {
        return forward.webhooks(p.token(), s -> s.registerEmailChannel(request));
    }

    public ListWebhooksResponse webhooks(Person p, boolean emailChannelsOnly, int pageSize, String pageToken) {
        return forward.webhooks(p.token(), s -> s.listWebhooks(ListWebhooksRequest.newBuilder()
                .setEmailChannelsOnly(emailChannelsOnly).setPageSize(pageSize)
                .setPageToken(pageToken == null ? "" : pageToken).build()));
    }

    public com.google.protobuf.Empty remove(Person p, String name) {
        return forward.webhooks(p.token(), s -> s.deleteWebhook(DeleteWebhookRequest.newBuilder().setName(name).build()));
    }

    public Webhook rotate(Person p, String name) {
        return forward.webhooks(p.token(), s -> s.rotateWebhookSecret(
                RotateWebhookSecretRequest.newBuilder().setName(name).build()));
    }

    public ListDeadLettersResponse deadLetters(Person p, int pageSize, String pageToken) {
        return forward.webhooks(p.token(), s -> s.listDeadLetters(ListDeadLettersRequest.newBuilder()
                .setPageSize(pageSize).setPageToken(pageToken == null ? "" : pageToken).build()));
    }

    public DeadLetter replay(Person p, String name) {
        return forward.webhooks(p.token(), s -> s.replayDeadLetter(ReplayDeadLetterRequest.newBuilder().setName(name).build()));
    }
}
