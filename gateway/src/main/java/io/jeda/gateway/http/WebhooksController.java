package io.jeda.gateway.http;

import io.jeda.gateway.app.RelayRequests;
import com.google.protobuf.Empty;
import io.jeda.relay.v1.DeadLetter;
import io.jeda.relay.v1.ListWebhooksResponse;
import io.jeda.relay.v1.ListDeadLettersResponse;
import io.jeda.relay.v1.RegisterEmailChannelRequest;
import io.jeda.relay.v1.RegisterWebhookRequest;
import io.jeda.relay.v1.Webhook;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * REST for an agency system's webhooks ({@link RelayRequests}): register an endpoint (the answer holds
 * its signing secret) or an officer's email channel, list and remove them, rotate the secret, read the events that were
 * dead-lettered and replay one.
 */
@Controller("/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebhooksController {

    private final RelayRequests relay;

    public WebhooksController(RelayRequests relay) {
        this.relay = relay;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public Webhook register(HttpRequest<?> request, @Body @Nullable String body) {
        return relay.register(AuthFilter.person(request), ProtoJson.read(body, RegisterWebhookRequest.newBuilder()));
    }

    @Post("/email-channels")
    @Consumes(MediaType.APPLICATION_JSON)
    public Webhook registerEmail(HttpRequest<?> request, @Body @Nullable String body) {
        return relay.registerEmail(AuthFilter.person(request), ProtoJson.read(body, RegisterEmailChannelRequest.newBuilder()));
    }

    @Get
    public ListWebhooksResponse list(HttpRequest<?> request, @QueryValue @Nullable Integer pageSize,
                                     @QueryValue @Nullable String pageToken) {
        return relay.webhooks(AuthFilter.person(request), false, pageSize == null ? 0 : pageSize, pageToken);
    }

    @Get("/email-channels")
    public ListWebhooksResponse listEmail(HttpRequest<?> request, @QueryValue @Nullable Integer pageSize,
                                          @QueryValue @Nullable String pageToken) {
        return relay.webhooks(AuthFilter.person(request), true, pageSize == null ? 0 : pageSize, pageToken);
    }

    @Delete("/{webhookId}")
    public Empty remove(HttpRequest<?> request, @PathVariable String webhookId) {
        return relay.remove(AuthFilter.person(request), TeamController.name("webhooks", webhookId));
    }

    @Post("/{webhookId}:rotateSecret")
    public Webhook rotate(HttpRequest<?> request, @PathVariable String webhookId) {
        return relay.rotate(AuthFilter.person(request), TeamController.name("webhooks", webhookId));
    }

    @Get("/dead-letters")
    public ListDeadLettersResponse deadLetters(HttpRequest<?> request, @QueryValue @Nullable Integer pageSize,
                                               @QueryValue @Nullable String pageToken) {
        return relay.deadLetters(AuthFilter.person(request), pageSize == null ? 0 : pageSize, pageToken);
    }

    @Post("/{webhookId}/events/{eventId}:replay")
    public DeadLetter replay(HttpRequest<?> request, @PathVariable String webhookId, @PathVariable String eventId) {
        return relay.replay(AuthFilter.person(request), TeamController.name("webhooks", webhookId) + "/events/" + eventId);
    }
}
