package io.jeda.relay;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.relay.v1.AcknowledgeMessageRequest;
import io.jeda.relay.v1.GetMessageRequest;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageState;
import io.jeda.relay.v1.SubmitMessageRequest;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message for a function (the complaint desk's roster): whoever is on call gets it, then the backup. */
class RosterRecipientTest extends RelayTestBase {

    private static SubmitMessageRequest.Builder toDesk(Urgency urgency) {
        return SubmitMessageRequest.newBuilder().setRecipient("rosters/piket-pengaduan").setUrgency(urgency)
                .setSubject("Banjir di Manggar").setText("Warga melaporkan banjir setinggi 50 cm.");
    }

    @Test
    void anEmergencyForTheDeskGoesToWhoeverIsOnCallAndThenToTheBackup() {
        Webhook hook = registerReceiver();
        GATEWAY.onCall("piket-pengaduan", ON_CALL_NIP, OTHER_NIP);
        GATEWAY.reachable(ON_CALL_NIP, clock.now().plus(Duration.ofMinutes(15)));
        GATEWAY.reachable(OTHER_NIP, clock.now().plus(Duration.ofMinutes(15)));

        Message m = agency().submitMessage(toDesk(Urgency.URGENCY_EMERGENCY).setWebhook(hook.getName()).build());

        assertEquals("rosters/piket-pengaduan", m.getRecipient());
        assertEquals("officers/" + ON_CALL_NIP, m.getReply().getHandler());
        assertTrue(m.getReply().getHandlerReason().contains("Piket Pengaduan 24/7"), m.getReply().getHandlerReason());
        assertTrue(m.getReply().getReasons(0).contains(OTHER_NIP + " is the backup"), m.getReply().getReasonsList().toString());

        worker("a").runOnce();
        sender("a").runOnce();
        assertTrue(receiver.received().get(0).body().contains("\"to\":\"officers/" + ON_CALL_NIP + "\""));
        assertTrue(receiver.received().get(0).body().contains("\"recipient\":\"rosters/piket-pengaduan\""),
                "the agency sees the function it wrote to");

        // Not acknowledged within the EMERGENCY time (5 min): the backup gets it.
        clock.advance(Duration.ofMinutes(6));
        worker("a").runOnce();
        sender("a").runOnce();
        Message escalated = agency().getMessage(GetMessageRequest.newBuilder().setName(m.getName()).build());
        assertEquals("officers/" + OTHER_NIP, escalated.getCurrentHandler());
        assertTrue(receiver.received().get(1).body().contains("\"type\":\"message.escalated\""));
        assertTrue(receiver.received().get(1).signatureValid());

        Message acked = as(OTHER_NIP, Role.OFFICER).acknowledgeMessage(
                AcknowledgeMessageRequest.newBuilder().setName(m.getName()).build());
        assertEquals(MessageState.MESSAGE_STATE_ACKNOWLEDGED, acked.getState());
    }

    @Test
    void aRoutineMessageForTheDeskWaitsForTheOnCallOfficersWorkingHours() {
        GATEWAY.onCall("piket-pengaduan", ON_CALL_NIP, OTHER_NIP);
        var morning = clock.now().plus(Duration.ofHours(9)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        GATEWAY.notReachable(ON_CALL_NIP, morning, morning.plus(Duration.ofHours(8)), null);

        Message m = agency().submitMessage(toDesk(Urgency.URGENCY_ROUTINE).build());

        assertEquals(morning, instant(m.getReply().getDeliverAt()));
        assertEquals(MessageState.MESSAGE_STATE_HELD, m.getState());
        assertEquals(0, worker("a").runOnce());
    }

    @Test
    void anUnknownRosterIsRefused() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> agency().submitMessage(toDesk(Urgency.URGENCY_URGENT).setRecipient("rosters/no-such-desk").build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("RECIPIENT_NOT_FOUND", GrpcErrors.errorInfo(e).orElseThrow().getReason());
        assertEquals(0, count("SELECT COUNT(*) FROM message"));
    }
}
