package io.jeda.gateway.grpc;

import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.CallerContext;
import io.jeda.gateway.app.Person;
import io.jeda.gateway.app.RelayRequests;
import io.jeda.relay.v1.AcknowledgeMessageRequest;
import io.jeda.relay.v1.GetMessageRequest;
import io.jeda.relay.v1.ListMessagesRequest;
import io.jeda.relay.v1.ListMessagesResponse;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.ResolveMessageRequest;
import io.jeda.relay.v1.SubmitMessageRequest;
import jakarta.inject.Singleton;

/**
 * {@code jeda.relay.v1.MessageService} on the gateway's gRPC port: each call is forwarded to
 * relay-service with the caller's own token, so a client uses the same stubs against the gateway.
 */
@Singleton
public class RelayMessageEndpoint extends MessageServiceGrpc.MessageServiceImplBase {

    private final RelayRequests relay;

    public RelayMessageEndpoint(RelayRequests relay) {
        this.relay = relay;
    }

    static Person caller() {
        return new Person(CallerContext.current(), CallerContext.currentToken());
    }

    @Override
    public void submitMessage(SubmitMessageRequest request, StreamObserver<Message> out) {
        done(out, relay.submit(caller(), request));
    }

    @Override
    public void getMessage(GetMessageRequest request, StreamObserver<Message> out) {
        done(out, relay.get(caller(), request.getName()));
    }

    @Override
    public void listMessages(ListMessagesRequest request, StreamObserver<ListMessagesResponse> out) {
        done(out, relay.list(caller(), request.getPageSize(), request.getPageToken()));
    }

    @Override
    public void acknowledgeMessage(AcknowledgeMessageRequest request, StreamObserver<Message> out) {
        done(out, relay.acknowledge(caller(), request.getName()));
    }

    @Override
    public void resolveMessage(ResolveMessageRequest request, StreamObserver<Message> out) {
        done(out, relay.resolve(caller(), request.getName()));
    }

    static <T> void done(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
