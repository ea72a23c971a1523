package io.jeda.relay;

import io.jeda.common.security.Role;
import io.jeda.relay.v1.AcknowledgeMessageRequest;
import io.jeda.relay.v1.GetMessageRequest;
import io.jeda.relay.v1.ListMessagesRequest;
import io.jeda.relay.v1.ListMessagesResponse;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageState;
import io.jeda.relay.v1.ResolveMessageRequest;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an agency and an officer see: the automatic reply, the held digest, escalation, acknowledgement. */
class MessageFlowTest extends RelayTestBase {

    @Test
    void routineSentAtNightIsAnsweredWithTomorrowMorningAndArrivesThenAsOneSignedDigest() {
        Webhook hook = registerReceiver();
        Instant now = clock.now();
        Instant morning = now.plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
        Instant respondBy = morning.plus(Duration.ofHours(8));
        GATEWAY.notReachable(NIP, morning, respondBy, null);

        Message first = agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Jalan rusak di RT 04")
                .setWebhook(hook.getName()).build());
        Message second = agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Lampu jalan mati")
                .setWebhook(hook.getName()).build());

        assertEquals(morning, instant(first.getReply().getDeliverAt()), "held until the next reachable instant");
        assertEquals(respondBy, instant(first.getReply().getRespondBy()));
        assertEquals("officers/" + NIP, first.getReply().getHandler());
        assertFalse(first.getReply().getDegraded());
        assertEquals(MessageState.MESSAGE_STATE_HELD, first.getState());
        assertTrue(GATEWAY.authorizations().stream().allMatch(a -> a.startsWith("Bearer ")),
                "the gateway is asked with a service token");

        // Night: nothing goes out.
        assertEquals(0, worker("a").runOnce());
        sender("a").runOnce();
        assertTrue(receiver.received().isEmpty());

        // Morning: both arrive, together.
        clock.advance(Duration.between(clock.now(), morning).plusSeconds(1));
        assertEquals(2, worker("a").runOnce());
        sender("a").runOnce();
        List<WebhookReceiver.Received> got = receiver.received();
        assertEquals(1, got.size(), "one digest, not one request per message");
        assertTrue(got.get(0).signatureValid(), "signed with the registration's secret");
        assertTrue(got.get(0).body().contains("\"type\":\"message.digest\""));
        assertTrue(got.get(0).body().contains("Jalan rusak di RT 04") && got.get(0).body().contains("Lampu jalan mati"));
        assertEquals(MessageState.MESSAGE_STATE_DELIVERED,
                agency().getMessage(GetMessageRequest.newBuilder().setName(second.getName()).build()).getState());
    }

    @Test
    void routineFoundLongPastItsTimeIsPlannedAgainRatherThanDeliveredIntoTheNight() {
        Instant now = clock.now();
        Instant morning = now.plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
        GATEWAY.notReachable(NIP, morning, morning.plus(Duration.ofHours(8)), null);
        Message m = agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Berkas cuti").build());

        // Every replica was down through the working day; it is night again when one comes back.
        clock.advance(Duration.ofHours(21));
        Instant nextMorning = morning.plus(Duration.ofDays(1));
        GATEWAY.notReachable(NIP, nextMorning, nextMorning.plus(Duration.ofHours(8)), null);
        worker("a").runOnce();
        worker("a").runOnce();
        Message held = get(m.getName());
        assertEquals(MessageState.MESSAGE_STATE_HELD, held.getState(), "not delivered at night");
        assertEquals(nextMorning, instant(held.getReply().getDeliverAt()));
    }

    @Test
    void theSameReferenceFromTheSameClientIsTheSameMessage() {
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        Message first = agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Izin keramaian")
                .setClientReference("LAPOR-2026-0001").build());
        Message retry = agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Izin keramaian")
                .setClientReference("LAPOR-2026-0001").build());
        Message otherClient = as(OTHER_AGENCY, Role.AGENCY).submitMessage(message(NIP, Urgency.URGENCY_ROUTINE,
                "Izin keramaian").setClientReference("LAPOR-2026-0001").build());

        assertEquals(first, retry, "a retry gets the first answer");
        assertFalse(first.getName().equals(otherClient.getName()), "another client's reference is its own");
        assertEquals(2, count("SELECT COUNT(*) FROM message"));
        assertEquals(2, count("SELECT COUNT(*) FROM delivery"));
        assertEquals(2, GATEWAY.calls(), "a retry does not ask the gateway again");
    }

    @Test
    void emergencyGoesToTheOnCallOfficerAndIsEscalatedWhenNotAcknowledgedInTime() {
        Webhook hook = registerReceiver();
        Instant morning = clock.now().plus(Duration.ofHours(9));
        GATEWAY.notReachable(NIP, morning, clock.now().plus(Duration.ofMinutes(15)), ON_CALL_NIP);

        Message m = agency().submitMessage(message(NIP, Urgency.URGENCY_EMERGENCY, "Banjir di kelurahan")
                .setWebhook(hook.getName()).build());
        assertEquals("officers/" + ON_CALL_NIP, m.getReply().getHandler());
        assertFalse(m.getReply().getHandlerReason().isEmpty(), "says why someone else handles it");

        worker("a").runOnce();
        sender("a").runOnce();
        assertEquals(1, receiver.received().size());
        assertTrue(receiver.received().get(0).body().contains("\"type\":\"message.delivered\""));
        assertTrue(receiver.received().get(0).body().contains("\"to\":\"officers/" + ON_CALL_NIP + "\""));

        clock.advance(Duration.ofMinutes(4));
        assertEquals(0, worker("a").runOnce(), "the acknowledgement time (5 min) has not passed");

        clock.advance(Duration.ofMinutes(2));
        worker("a").runOnce();
        sender("a").runOnce();
        Message escalated = get(m.getName());
        assertEquals("officers/" + NIP, escalated.getCurrentHandler());
        assertEquals(1, escalated.getEscalationCount());
        assertEquals(List.of(ON_CALL_NIP + ">" + NIP), messageStore.escalationSteps(m.getName().substring(9)));
        WebhookReceiver.Received step = receiver.received().get(1);
        assertTrue(step.body().contains("\"type\":\"message.escalated\"") && step.signatureValid());
        assertTrue(step.body().contains("\"from\":\"officers/" + ON_CALL_NIP + "\""));

        Message acked = as(NIP, Role.OFFICER).acknowledgeMessage(AcknowledgeMessageRequest.newBuilder()
                .setName(m.getName()).build());
        assertEquals(MessageState.MESSAGE_STATE_ACKNOWLEDGED, acked.getState());
        sender("a").runOnce();
        WebhookReceiver.Received ack = receiver.received().get(2);
        assertTrue(ack.body().contains("\"type\":\"message.acknowledged\"") && ack.signatureValid());
        assertTrue(ack.body().contains("\"by\":\"officers/" + NIP + "\""));
        clock.advance(Duration.ofMinutes(30));
        assertEquals(0, worker("a").runOnce(), "an acknowledged message is not escalated further");

        Message resolved = as(NIP, Role.OFFICER).resolveMessage(ResolveMessageRequest.newBuilder()
                .setName(m.getName()).build());
        assertEquals(MessageState.MESSAGE_STATE_RESOLVED, resolved.getState());
    }

    @Test
    void urgentWorkNotAcknowledgedGoesToTheManagerLastThenTheAgencyIsTold() {
        Webhook hook = registerReceiver();
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(1)));
        GATEWAY.manager(NIP, OTHER_NIP);
        Message m = agency().submitMessage(message(NIP, Urgency.URGENCY_URGENT, "Server layanan mati")
                .setWebhook(hook.getName()).build());
        assertEquals("officers/" + NIP, m.getReply().getHandler());

        worker("a").runOnce();
        clock.advance(Duration.ofMinutes(11)); // the URGENT acknowledgement time is 10 min here
        worker("a").runOnce();
        assertEquals("officers/" + OTHER_NIP, get(m.getName()).getCurrentHandler(), "escalated to the manager");
        clock.advance(Duration.ofMinutes(11));
        worker("a").runOnce();
        clock.advance(Duration.ofHours(2));
        assertEquals(0, worker("a").runOnce(), "the chain is bounded: nobody after the manager");
        sender("a").runOnce();
        List<String> types = receiver.received().stream().map(r -> r.body().replaceAll(
                "^\\{\"type\":\"([a-z.]+)\".*$", "$1")).toList();
        assertEquals(List.of("message.delivered", "message.escalated", "message.unacknowledged"), types);
        assertEquals(List.of(NIP + ">" + OTHER_NIP, OTHER_NIP + ">"),
                messageStore.escalationSteps(m.getName().substring("messages/".length())));
    }

    @Test
    void whenTheGatewayDoesNotAnswerTheMessageIsStoredAndAnsweredAsDegradedThenDeliveredLater() {
        Webhook hook = registerReceiver();
        GATEWAY.behave(FakeGateway.Behaviour.STALL);
        long started = System.nanoTime();
        Message m = agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Surat keterangan")
                .setWebhook(hook.getName()).build());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3000, "never hangs");
        assertTrue(m.getReply().getDegraded());
        assertFalse(m.getReply().hasDeliverAt(), "the delivery time is not known yet");
        assertEquals(MessageState.MESSAGE_STATE_HELD, m.getState());

        GATEWAY.behave(FakeGateway.Behaviour.NORMAL);
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        clock.advance(Duration.ofSeconds(61));
        worker("a").runOnce(); // asks again and plans
        worker("a").runOnce(); // delivers
        sender("a").runOnce();
        Message later = get(m.getName());
        assertFalse(later.getReply().getDegraded());
        assertTrue(later.getReply().hasDeliverAt());
        assertEquals(MessageState.MESSAGE_STATE_DELIVERED, later.getState());
        assertEquals(List.of(true, true), receiver.received().stream().map(WebhookReceiver.Received::signatureValid).toList());
        assertTrue(receiver.received().get(0).body().contains("\"type\":\"message.scheduled\""));
    }

    @Test
    void listsAreTheCallersOwnAndPaged() {
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        for (int i = 0; i < 3; i++) {
            agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Pesan " + i).build());
        }
        as(OTHER_AGENCY, Role.AGENCY).submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Lain").build());
        ListMessagesResponse page1 = agency().listMessages(ListMessagesRequest.newBuilder().setPageSize(2).build());
        assertEquals(2, page1.getMessagesCount());
        assertFalse(page1.getNextPageToken().isEmpty());
        ListMessagesResponse page2 = agency().listMessages(ListMessagesRequest.newBuilder().setPageSize(2)
                .setPageToken(page1.getNextPageToken()).build());
        assertEquals(1, page2.getMessagesCount());
        assertTrue(page2.getNextPageToken().isEmpty());
        assertEquals(4, as(NIP, Role.OFFICER).listMessages(ListMessagesRequest.getDefaultInstance()).getMessagesCount(),
                "the officer sees every message for them");
    }

    private Message get(String name) {
        return agency().getMessage(GetMessageRequest.newBuilder().setName(name).build());
    }
}
