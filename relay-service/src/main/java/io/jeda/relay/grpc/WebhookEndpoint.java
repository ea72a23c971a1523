package io.jeda.relay.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.paging.PageRequest;
import io.jeda.relay.app.WebhookUseCases;
import io.jeda.common.names.OfficerName;
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

/** gRPC entry point of {@code jeda.relay.v1.WebhookService}. */
@Singleton
public class WebhookEndpoint extends WebhookServiceGrpc.WebhookServiceImplBase {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final WebhookUseCases webhooks;

    public WebhookEndpoint(WebhookUseCases webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void registerWebhook(RegisterWebhookRequest request, StreamObserver<Webhook> response) {
        MessageEndpoint.done(response, RelayMapper.webhook(webhooks.register(CallerContext.current(), request.getUrl()), true));
    }

    @Override
    public void registerEmailChannel(RegisterEmailChannelRequest request, StreamObserver<Webhook> response) {
        String nip = OfficerName.parse(request.getOfficer(), "officer").nip();
        MessageEndpoint.done(response, RelayMapper.webhook(webhooks.registerEmail(CallerContext.current(), nip,
                request.getAddress()), false));
    }

    @Override
    public void rotateWebhookSecret(RotateWebhookSecretRequest request, StreamObserver<Webhook> response) {
        MessageEndpoint.done(response, RelayMapper.webhook(webhooks.rotate(CallerContext.current(),
                RelayMapper.webhookId(request.getName())), true));
    }

    @Override
    public void listWebhooks(ListWebhooksRequest request, StreamObserver<ListWebhooksResponse> response) {
        PageRequest page = PageRequest.of(request, DEFAULT_PAGE, MAX_PAGE);
        var fetched = page.page(webhooks.list(CallerContext.current(), request.getEmailChannelsOnly(), page.offset(),
                page.fetchSize()));
        MessageEndpoint.done(response, ListWebhooksResponse.newBuilder()
                .addAllWebhooks(fetched.items().stream().map(w -> RelayMapper.webhook(w, false)).toList())
                .setNextPageToken(fetched.nextPageToken()).build());
    }

    @Override
    public void deleteWebhook(DeleteWebhookRequest request, StreamObserver<Empty> response) {
        webhooks.remove(CallerContext.current(), RelayMapper.webhookId(request.getName()));
        MessageEndpoint.done(response, Empty.getDefaultInstance());
    }

    @Override
    public void listDeadLetters(ListDeadLettersRequest request, StreamObserver<ListDeadLettersResponse> response) {
        PageRequest page = PageRequest.of(request, DEFAULT_PAGE, MAX_PAGE);
        var fetched = page.page(webhooks.deadLetters(CallerContext.current(), page.offset(), page.fetchSize()));
        MessageEndpoint.done(response, ListDeadLettersResponse.newBuilder()
                .addAllDeadLetters(fetched.items().stream().map(RelayMapper::deadLetter).toList())
                .setNextPageToken(fetched.nextPageToken()).build());
    }

    @Override
    public void replayDeadLetter(ReplayDeadLetterRequest request, StreamObserver<DeadLetter> response) {
        String[] ids = RelayMapper.eventIds(request.getName());
        MessageEndpoint.done(response, RelayMapper.deadLetter(webhooks.replay(CallerContext.current(), ids[0], ids[1])));
    }
}
