package io.jeda.gateway.http;

import io.jeda.gateway.app.RelayRequests;
import io.jeda.relay.v1.ListMessagesResponse;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.SubmitMessageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * REST for messages held by Jeda ({@link RelayRequests}): an agency system submits a message and gets
 * the automatic reply, reads and lists its messages; an officer lists the messages handed to them and
 * acknowledges or resolves the one they hold. A path names a message by its id or by its whole name
 * ({@code messages/m-1}, URL-encoded as one segment).
 */
@Controller("/v1/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessagesController {

    private final RelayRequests relay;

    public MessagesController(RelayRequests relay) {
        this.relay = relay;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public Message submit(HttpRequest<?> request, @Body @Nullable String body) {
        return relay.submit(AuthFilter.person(request), ProtoJson.read(body, SubmitMessageRequest.newBuilder()));
    }

    @Get
    public ListMessagesResponse list(HttpRequest<?> request, @QueryValue @Nullable Integer pageSize,
                                     @QueryValue @Nullable String pageToken) {
        return relay.list(AuthFilter.person(request), pageSize == null ? 0 : pageSize, pageToken);
    }

    @Get("/{messageId}")
    public Message get(HttpRequest<?> request, @PathVariable String messageId) {
        return relay.get(AuthFilter.person(request), TeamController.name("messages", messageId));
    }

    @Post("/{messageId}:acknowledge")
    public Message acknowledge(HttpRequest<?> request, @PathVariable String messageId) {
        return relay.acknowledge(AuthFilter.person(request), TeamController.name("messages", messageId));
    }

    @Post("/{messageId}:resolve")
    public Message resolve(HttpRequest<?> request, @PathVariable String messageId) {
        return relay.resolve(AuthFilter.person(request), TeamController.name("messages", messageId));
    }
}
