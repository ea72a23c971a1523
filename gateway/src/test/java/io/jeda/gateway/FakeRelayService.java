package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.stub.StreamObserver;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.relay.v1.AcknowledgeMessageRequest;
import io.jeda.relay.v1.AutomaticReply;
import io.jeda.relay.v1.DeadLetter;
import io.jeda.relay.v1.GetMessageRequest;
import io.jeda.relay.v1.ListDeadLettersRequest;
import io.jeda.relay.v1.ListDeadLettersResponse;
import io.jeda.relay.v1.ListMessagesRequest;
import io.jeda.relay.v1.ListMessagesResponse;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.MessageState;
import io.jeda.relay.v1.RegisterWebhookRequest;
import io.jeda.relay.v1.ReplayDeadLetterRequest;
import io.jeda.relay.v1.ResolveMessageRequest;
import io.jeda.relay.v1.RotateWebhookSecretRequest;
import io.jeda.relay.v1.SubmitMessageRequest;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import io.jeda.relay.v1.WebhookServiceGrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for relay-service on a localhost port, so that the gateway's production
 * channel and forwarding are what talk to it. It keeps the real service's rules about callers that
 * the gateway must pass through unchanged: only AGENCY clients submit and register webhooks, only
 * officers acknowledge and resolve, and a message not found is NOT_FOUND with its reason. Every
 * message named in a request exists (an example id cannot be known beforehand) except
 * {@code messages/missing}; every ROUTINE one is answered as held until 2026-11-26T00:30:00Z.
 */
public final class FakeRelayService {

    static final String DOMAIN = "relay.jeda.go.id";
    static final Timestamp DELIVER_AT = Timestamp.newBuilder().setSeconds(1795653000L).build(); // 2026-11-26T00:30:00Z

    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private Server server;
    private int port;

    public synchronized FakeRelayService start() {
        try {
            ServerInterceptor recordAuth = FakeCallers.recording(authorizations);
            server = ServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(new Messages(), recordAuth))
                    .addService(ServerInterceptors.intercept(new Webhooks(), recordAuth))
                    .build().start();
            port = server.getPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Down: nothing listens on the port any more (start() again brings it back on the same port). */
    public synchronized void stop() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination();
    }

    public int port() {
        return port;
    }

    public void reset() {
        authorizations.clear();
        messages.clear();
    }

    /** The authorization header of every call received, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Stores a message as relay-service would hold it (listed, acknowledged and resolved like the others). */
    public void seed(Message m) {
        messages.put(m.getName(), m);
    }

    /** The message as the fake holds it now. */
    public Message message(String name) {
        return messages.get(name);
    }

    /** The subjects of the tokens relay-service was called with, in order. */
    public List<String> callers() {
        return authorizations.stream().map(FakeCallers::subject).toList();
    }

    private Message stored(String name) {
        if (name.equals("messages/missing")) {
            throw JedaException.notFound("message", name);
        }
        return messages.computeIfAbsent(name, n -> Message.newBuilder().setName(n)
                .setRecipient("officers/" + FakePolicyService.OFFICER).setUrgency(Urgency.URGENCY_ROUTINE)
                .setSubject("Permohonan").setText("Mohon ditindaklanjuti").setState(MessageState.MESSAGE_STATE_DELIVERED)
                .setCurrentHandler("officers/" + FakePolicyService.OFFICER).setCreateTime(DELIVER_AT)
                .setReply(reply()).build());
    }

    private static AutomaticReply reply() {
        return AutomaticReply.newBuilder().setHandler("officers/" + FakePolicyService.OFFICER).setDeliverAt(DELIVER_AT)
                .setRespondBy(Timestamp.newBuilder().setSeconds(DELIVER_AT.getSeconds() + 86400)).setTimeZone("Asia/Jakarta")
                .addReasons("Di luar jam kerja; disampaikan pada awal jam kerja berikutnya").build();
    }

    private static Caller agency() {
        Caller c = FakeCallers.caller();
        if (!c.has(Role.AGENCY)) {
            throw JedaException.permissionDenied("AGENCY_REQUIRED", "only agency clients hand messages to Jeda",
                    "subject", c.subject());
        }
        return c;
    }

    private static Caller officer() {
        Caller c = FakeCallers.caller();
        if (!c.has(Role.OFFICER) && !c.has(Role.MANAGER)) {
            throw JedaException.permissionDenied("OFFICER_REQUIRED", "only the officer who holds a message may do this",
                    "subject", c.subject());
        }
        return c;
    }

    private static <T> void answer(StreamObserver<T> out, java.util.function.Supplier<T> body) {
        try {
            out.onNext(body.get());
            out.onCompleted();
        } catch (JedaException e) {
            FakeCallers.fail(out, DOMAIN, e);
        }
    }

    private final class Messages extends MessageServiceGrpc.MessageServiceImplBase {
        @Override
        public void submitMessage(SubmitMessageRequest r, StreamObserver<Message> out) {
            answer(out, () -> {
                agency();
                Message m = Message.newBuilder().setName("messages/m-" + ids.incrementAndGet())
                        .setRecipient(r.getRecipient()).setUrgency(r.getUrgency()).setSubject(r.getSubject())
                        .setText(r.getText()).setClientReference(r.getClientReference()).setWebhook(r.getWebhook())
                        .setState(MessageState.MESSAGE_STATE_HELD).setReply(reply()).setCreateTime(DELIVER_AT).build();
                messages.put(m.getName(), m);
                return m;
            });
        }

        @Override
        public void getMessage(GetMessageRequest r, StreamObserver<Message> out) {
            answer(out, () -> {
                FakeCallers.caller();
                return stored(r.getName());
            });
        }

        @Override
        public void listMessages(ListMessagesRequest r, StreamObserver<ListMessagesResponse> out) {
            answer(out, () -> {
                FakeCallers.caller();
                return ListMessagesResponse.newBuilder().addAllMessages(new ArrayList<>(messages.values())).build();
            });
        }

        @Override
        public void acknowledgeMessage(AcknowledgeMessageRequest r, StreamObserver<Message> out) {
            answer(out, () -> {
                officer();
                Message m = stored(r.getName()).toBuilder().setState(MessageState.MESSAGE_STATE_ACKNOWLEDGED)
                        .setAcknowledgeTime(DELIVER_AT).build();
                messages.put(m.getName(), m);
                return m;
            });
        }

        @Override
        public void resolveMessage(ResolveMessageRequest r, StreamObserver<Message> out) {
            answer(out, () -> {
                officer();
                Message m = stored(r.getName()).toBuilder().setState(MessageState.MESSAGE_STATE_RESOLVED)
                        .setResolveTime(DELIVER_AT).build();
                messages.put(m.getName(), m);
                return m;
            });
        }
    }

    private final class Webhooks extends WebhookServiceGrpc.WebhookServiceImplBase {
        @Override
        public void registerWebhook(RegisterWebhookRequest r, StreamObserver<Webhook> out) {
            answer(out, () -> {
                agency();
                return Webhook.newBuilder().setName("webhooks/w-" + ids.incrementAndGet()).setUrl(r.getUrl())
                        .setSecret("whsec_c2VjcmV0").setSecretTime(DELIVER_AT).build();
            });
        }

        @Override
        public void registerEmailChannel(io.jeda.relay.v1.RegisterEmailChannelRequest r, StreamObserver<Webhook> out) {
            answer(out, () -> {
                agency();
                return Webhook.newBuilder().setName("webhooks/w-" + ids.incrementAndGet()).setUrl("mailto:" + r.getAddress())
                        .setOfficer(r.getOfficer()).setSecretTime(DELIVER_AT).build();
            });
        }

        @Override
        public void listWebhooks(io.jeda.relay.v1.ListWebhooksRequest r,
                                 StreamObserver<io.jeda.relay.v1.ListWebhooksResponse> out) {
            answer(out, () -> {
                agency();
                var b = io.jeda.relay.v1.ListWebhooksResponse.newBuilder().addWebhooks(Webhook.newBuilder()
                        .setName("webhooks/w-mail").setUrl("mailto:siti@example.go.id")
                        .setOfficer("officers/" + FakePolicyService.OFFICER).setSecretTime(DELIVER_AT));
                if (!r.getEmailChannelsOnly()) {
                    b.addWebhooks(Webhook.newBuilder().setName("webhooks/w-hook")
                            .setUrl("https://agency.example.go.id/jeda/events").setSecretTime(DELIVER_AT));
                }
                return b.build();
            });
        }

        @Override
        public void deleteWebhook(io.jeda.relay.v1.DeleteWebhookRequest r, StreamObserver<com.google.protobuf.Empty> out) {
            answer(out, () -> {
                agency();
                // Another client's registration is answered as missing, as relay-service does.
                if (r.getName().equals("webhooks/w-other")) {
                    throw JedaException.notFound("webhook", r.getName());
                }
                return com.google.protobuf.Empty.getDefaultInstance();
            });
        }

        @Override
        public void rotateWebhookSecret(RotateWebhookSecretRequest r, StreamObserver<Webhook> out) {
            answer(out, () -> {
                agency();
                return Webhook.newBuilder().setName(r.getName()).setUrl("https://agency.example.go.id/jeda/events")
                        .setSecret("whsec_bmV3").setSecretTime(DELIVER_AT).build();
            });
        }

        @Override
        public void listDeadLetters(ListDeadLettersRequest r, StreamObserver<ListDeadLettersResponse> out) {
            answer(out, () -> {
                agency();
                return ListDeadLettersResponse.newBuilder().addDeadLetters(deadLetter("webhooks/w-1/events/msg_e-1", false))
                        .build();
            });
        }

        @Override
        public void replayDeadLetter(ReplayDeadLetterRequest r, StreamObserver<DeadLetter> out) {
            answer(out, () -> {
                agency();
                return deadLetter(r.getName(), true);
            });
        }

        private DeadLetter deadLetter(String name, boolean replayed) {
            return DeadLetter.newBuilder().setName(name).setType("message.delivered").setPayload("{}").setAttempts(8)
                    .setLastError("HTTP 500").setCreateTime(DELIVER_AT).setReplayed(replayed).build();
        }
    }
}
