package io.jeda.relay.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.paging.PageRequest;
import io.jeda.relay.app.MessageUseCases;
import io.jeda.relay.v1.AcknowledgeMessageRequest;
import io.jeda.relay.v1.GetMessageRequest;
import io.jeda.relay.v1.ListMessagesRequest;
import io.jeda.relay.v1.ListMessagesResponse;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.ResolveMessageRequest;
import io.jeda.relay.v1.SubmitMessageRequest;
import jakarta.inject.Singleton;

/** gRPC entry point of {@code jeda.relay.v1.MessageService}. */
@Singleton
public class MessageEndpoint extends MessageServiceGrpc.MessageServiceImplBase {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;

    private final MessageUseCases messages;

    public MessageEndpoint(MessageUseCases messages) {
        this.messages = messages;
    }

    @Override
    public void submitMessage(SubmitMessageRequest request, StreamObserver<Message> response) {
        var caller = CallerContext.current();
        done(response, RelayMapper.message(messages.submit(caller, RelayMapper.draft(caller.subject(), request)).message()));
    }

    @Override
    public void getMessage(GetMessageRequest request, StreamObserver<Message> response) {
        done(response, RelayMapper.message(messages.get(CallerContext.current(), RelayMapper.messageId(request.getName()))));
    }

    @Override
    public void listMessages(ListMessagesRequest request, StreamObserver<ListMessagesResponse> response) {
        PageRequest page = PageRequest.of(request, DEFAULT_PAGE, MAX_PAGE);
        var fetched = page.page(messages.list(CallerContext.current(), page.offset(), page.fetchSize()));
        done(response, ListMessagesResponse.newBuilder()
                .addAllMessages(fetched.items().stream().map(RelayMapper::message).toList())
                .setNextPageToken(fetched.nextPageToken()).build());
    }

    @Override
    public void acknowledgeMessage(AcknowledgeMessageRequest request, StreamObserver<Message> response) {
        done(response, RelayMapper.message(messages.acknowledge(CallerContext.current(),
                RelayMapper.messageId(request.getName()))));
    }

    @Override
    public void resolveMessage(ResolveMessageRequest request, StreamObserver<Message> response) {
        done(response, RelayMapper.message(messages.resolve(CallerContext.current(),
                RelayMapper.messageId(request.getName()))));
    }

    static <T> void done(StreamObserver<T> response, T value) {
        response.onNext(value);
        response.onCompleted();
    }
}
