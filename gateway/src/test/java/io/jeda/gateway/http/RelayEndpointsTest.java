package io.jeda.gateway.http;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.relay.v1.AcknowledgeMessageRequest;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.MessageState;
import io.jeda.relay.v1.SubmitMessageRequest;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import io.jeda.relay.v1.WebhookServiceGrpc;
import io.jeda.relay.v1.RegisterWebhookRequest;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages and webhooks reached through the gateway, over REST and over the gateway's own gRPC port:
 * the answer is relay-service's, the caller's own token is what reaches relay-service, and its
 * refusals (and its absence) come back with the same reason.
 */
class RelayEndpointsTest extends PeopleTestBase {

    private static final String SUBMIT = """
            {"recipient": "officers/198001012000011001", "urgency": "ROUTINE", "subject": "Izin usaha",
             "text": "Mohon tindak lanjut", "clientReference": "req-1"}""";

    @Test
    void anAgencySubmitsOverRestAndGetsTheAutomaticReplyWithItsOwnIdentityForwarded() {
        Answer a = post("/v1/messages", AGENCY_TOKEN, SUBMIT);

        assertEquals(200, a.status(), a.body());
        Message m = a.as(Message.newBuilder()).build();
        assertEquals(MessageState.MESSAGE_STATE_HELD, m.getState());
        assertEquals("req-1", m.getClientReference());
        assertEquals("2026-11-26T00:30:00Z", java.time.Instant.ofEpochSecond(m.getReply().getDeliverAt().getSeconds()).toString());
        assertTrue(a.body().contains("\"deliverAt\":\"2026-11-26T00:30:00Z\""), a.body());
        assertEquals(List.of("Bearer " + AGENCY_TOKEN), RELAY.authorizations());
    }

    @Test
    void anOfficerAcknowledgesAndResolvesByIdOrWholeName() {
        Answer ack = post("/v1/messages/m-7:acknowledge", OFFICER_TOKEN, "");
        assertEquals(200, ack.status(), ack.body());
        assertEquals(MessageState.MESSAGE_STATE_ACKNOWLEDGED, ack.as(Message.newBuilder()).getState());

        Answer done = post("/v1/messages/messages%2Fm-7:resolve", OFFICER_TOKEN, "");
        assertEquals(MessageState.MESSAGE_STATE_RESOLVED, done.as(Message.newBuilder()).getState());
        assertEquals("messages/m-7", done.as(Message.newBuilder()).getName());
        assertEquals(List.of(SITI, SITI), RELAY.callers());
    }

    @Test
    void relayServicesRefusalsComeBackAsProblemsWithTheSameReason() {
        post("/v1/messages", OFFICER_TOKEN, SUBMIT).problem(403, "AGENCY_REQUIRED");
        post("/v1/messages/m-1:acknowledge", AGENCY_TOKEN, "").problem(403, "OFFICER_REQUIRED");
        get("/v1/messages/missing", AGENCY_TOKEN).problem(404, "MESSAGE_NOT_FOUND");
        post("/v1/messages", AGENCY_TOKEN, "{\"urgency\": \"SOMETIMES\"}").problem(400, "INVALID_ENUM_VALUE");
        assertEquals(401, get("/v1/messages", null).status());
    }

    @Test
    void webhooksAreRegisteredRotatedAndDeadLettersReplayed() {
        Answer reg = post("/v1/webhooks", AGENCY_TOKEN, "{\"url\": \"https://agency.example.go.id/hook\"}");
        assertEquals(200, reg.status(), reg.body());
        Webhook w = reg.as(Webhook.newBuilder()).build();
        assertTrue(w.getSecret().startsWith("whsec_"));
        assertEquals("https://agency.example.go.id/hook", w.getUrl());

        assertEquals(200, post("/v1/" + w.getName() + ":rotateSecret", AGENCY_TOKEN, "").status());
        Answer dead = get("/v1/webhooks/dead-letters", AGENCY_TOKEN);
        assertTrue(dead.body().contains("webhooks/w-1/events/msg_e-1"), dead.body());
        Answer replay = post("/v1/webhooks/w-1/events/msg_e-1:replay", AGENCY_TOKEN, "");
        assertTrue(replay.body().contains("\"replayed\":true"), replay.body());

        Answer mail = post("/v1/webhooks/email-channels", AGENCY_TOKEN,
                "{\"officer\": \"officers/" + SITI + "\", \"address\": \"siti@example.go.id\"}");
        assertEquals(200, mail.status(), mail.body());
        Webhook channel = mail.as(Webhook.newBuilder()).build();
        assertEquals("mailto:siti@example.go.id", channel.getUrl());
        assertEquals("officers/" + SITI, channel.getOfficer());
    }

    @Test
    void anAgencyListsAndRemovesItsEmailChannelsAndWebhooks() {
        Answer channels = get("/v1/webhooks/email-channels", AGENCY_TOKEN);
        assertEquals(200, channels.status(), channels.body());
        var onlyMail = channels.as(io.jeda.relay.v1.ListWebhooksResponse.newBuilder()).build();
        assertEquals(List.of("webhooks/w-mail"), onlyMail.getWebhooksList().stream().map(Webhook::getName).toList());
        assertEquals(2, get("/v1/webhooks?pageSize=10", AGENCY_TOKEN)
                .as(io.jeda.relay.v1.ListWebhooksResponse.newBuilder()).getWebhooksCount());

        Answer removed = send(io.micronaut.http.HttpRequest.DELETE("/v1/webhooks/w-mail"), AGENCY_TOKEN);
        assertEquals(200, removed.status(), removed.body());
        send(io.micronaut.http.HttpRequest.DELETE("/v1/webhooks/webhooks%2Fw-other"), AGENCY_TOKEN)
                .problem(404, "WEBHOOK_NOT_FOUND");
        send(io.micronaut.http.HttpRequest.DELETE("/v1/webhooks/w-hook"), OFFICER_TOKEN).problem(403, "AGENCY_REQUIRED");
        get("/v1/webhooks", OFFICER_TOKEN).problem(403, "AGENCY_REQUIRED");

        var grpc = WebhookServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY));
        assertEquals(1, grpc.listWebhooks(io.jeda.relay.v1.ListWebhooksRequest.newBuilder().setEmailChannelsOnly(true)
                .build()).getWebhooksCount());
        grpc.deleteWebhook(io.jeda.relay.v1.DeleteWebhookRequest.newBuilder().setName("webhooks/w-hook").build());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> grpc.deleteWebhook(
                io.jeda.relay.v1.DeleteWebhookRequest.newBuilder().setName("webhooks/w-other").build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals(List.of("desk-1", "desk-1", "desk-1", "desk-1", SITI, SITI, "desk-1", "desk-1", "desk-1"), RELAY.callers());
    }

    @Test
    void theGatewaysGrpcPortServesTheRelayServicesWithTheCallersOwnToken() {
        var agency = MessageServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY));
        Message m = agency.submitMessage(SubmitMessageRequest.newBuilder().setRecipient("officers/" + SITI)
                .setUrgency(Urgency.URGENCY_EMERGENCY).setSubject("Banjir").setText("Segera").build());
        assertEquals(Urgency.URGENCY_EMERGENCY, m.getUrgency());

        var officer = MessageServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(SITI, Role.OFFICER));
        assertEquals(MessageState.MESSAGE_STATE_ACKNOWLEDGED, officer.acknowledgeMessage(
                AcknowledgeMessageRequest.newBuilder().setName(m.getName()).build()).getState());
        assertEquals(List.of("desk-1", SITI), RELAY.callers());

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> WebhookServiceGrpc
                .newBlockingStub(channel).withCallCredentials(Tokens.as(SITI, Role.OFFICER))
                .registerWebhook(RegisterWebhookRequest.newBuilder().setUrl("https://x.example").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        assertEquals("AGENCY_REQUIRED", GrpcErrors.errorInfo(e).orElseThrow().getReason());
    }
}
