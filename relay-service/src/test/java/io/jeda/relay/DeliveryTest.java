package io.jeda.relay;

import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.relay.app.DeliveryWorker;
import io.jeda.relay.app.WebhookSender;
import io.jeda.relay.v1.AcknowledgeMessageRequest;
import io.jeda.relay.v1.DeadLetter;
import io.jeda.relay.v1.GetMessageRequest;
import io.jeda.relay.v1.ListDeadLettersRequest;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageState;
import io.jeda.relay.v1.RegisterWebhookRequest;
import io.jeda.relay.v1.ReplayDeadLetterRequest;
import io.jeda.relay.v1.RotateWebhookSecretRequest;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work shared by replicas without double delivery, a dead replica's work taken over, retries and dead letters. */
class DeliveryTest extends RelayTestBase {

    private static final Pattern MESSAGE_NAME = Pattern.compile("\"name\":\"(messages/[^\"]+)\"");

    @Test
    void twoWorkersOnOneDatabaseDeliverEachDueMessageOnce() throws Exception {
        Webhook hook = registerReceiver();
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofMinutes(30)));
        int n = 30;
        for (int i = 0; i < n; i++) {
            agency().submitMessage(message(NIP, Urgency.URGENCY_URGENT, "Aduan " + i).setWebhook(hook.getName()).build());
        }
        DeliveryWorker a = worker("worker-a");
        DeliveryWorker b = worker("worker-b");
        WebhookSender sa = sender("worker-a");
        WebhookSender sb = sender("worker-b");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.of(until(a::runOnce), until(b::runOnce)));
            int claimed = runs.get(0).get() + runs.get(1).get();
            assertEquals(n, claimed, "every due step claimed once over both workers");
            pool.invokeAll(List.of(until(sa::runOnce), until(sb::runOnce)));
        } finally {
            pool.shutdownNow();
        }
        List<WebhookReceiver.Received> got = receiver.received();
        assertEquals(n, got.size(), "one delivery event per message");
        Set<String> messages = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (WebhookReceiver.Received r : got) {
            assertTrue(r.signatureValid());
            Matcher m = MESSAGE_NAME.matcher(r.body());
            assertTrue(m.find());
            messages.add(m.group(1));
            ids.add(r.id());
        }
        assertEquals(n, messages.size(), "no message delivered twice");
        assertEquals(n, ids.size());
        assertEquals(n, count("SELECT COUNT(*) FROM delivery WHERE step = 0 AND status = 'DONE'"));
    }

    /** Runs a round until a round finds nothing; returns the total. */
    private static Callable<Integer> until(Callable<Integer> round) {
        return () -> {
            int total = 0;
            for (int k; (k = round.call()) > 0; ) {
                total += k;
            }
            return total;
        };
    }

    @Test
    void stepsClaimedByAReplicaThatDiedAreTakenOverWhenItsLeaseRunsOut() {
        Webhook hook = registerReceiver();
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofMinutes(30)));
        Message m = agency().submitMessage(message(NIP, Urgency.URGENCY_EMERGENCY, "Kebakaran")
                .setWebhook(hook.getName()).build());
        // A replica claims the step and is killed before carrying it out.
        Instant now = clock.now();
        assertEquals(1, messageStore.claim("killed-replica", now, now.plus(Duration.ofSeconds(30)), 10).size());

        assertEquals(0, worker("survivor").runOnce(), "the lease is still the dead replica's");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, worker("survivor").runOnce());
        sender("survivor").runOnce();
        assertEquals(1, receiver.received().size());
        assertEquals(MessageState.MESSAGE_STATE_DELIVERED,
                agency().getMessage(GetMessageRequest.newBuilder().setName(m.getName()).build()).getState());
    }

    @Test
    void aWebhookSendLostWithItsReplicaIsSentAgainWithTheSameId() {
        Webhook hook = registerReceiver();
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Kartu keluarga").setWebhook(hook.getName()).build());
        worker("a").runOnce();
        // A replica claims the send and is killed, before or after sending: at least once means it is sent again.
        Instant now = clock.now();
        List<io.jeda.relay.persistence.WebhookStore.Send> lost = webhookStore.claim("killed-replica", now,
                now.plus(Duration.ofSeconds(30)), 10);
        assertEquals(1, lost.size());
        assertEquals(0, sender("survivor").runOnce());
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, sender("survivor").runOnce());
        assertEquals(lost.get(0).event().id(), receiver.received().get(0).id());
        assertTrue(receiver.received().get(0).signatureValid());
        assertEquals(0, sender("survivor").runOnce(), "sent: not again");
    }

    @Test
    void failedSendsAreRetriedWithBackOffThenDeadLetteredAndCanBeReplayedWithTheSameId() {
        Webhook hook = registerReceiver();
        receiver.answer(500);
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Data kependudukan").setWebhook(hook.getName()).build());
        worker("a").runOnce();

        assertEquals(1, sender("a").runOnce());
        assertEquals(0, sender("a").runOnce(), "the retry waits for its back-off (10 s)");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(1, sender("a").runOnce());
        clock.advance(Duration.ofSeconds(11));
        assertEquals(0, sender("a").runOnce(), "the second wait is twice as long");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, sender("a").runOnce());
        clock.advance(Duration.ofHours(1));
        assertEquals(0, sender("a").runOnce(), "after 3 attempts: dead-lettered, no more sends");

        List<DeadLetter> dead = webhooks(AGENCY).listDeadLetters(ListDeadLettersRequest.getDefaultInstance())
                .getDeadLettersList();
        assertEquals(1, dead.size());
        assertEquals(3, dead.get(0).getAttempts());
        assertTrue(dead.get(0).getLastError().contains("500"));
        assertTrue(webhooks(OTHER_AGENCY).listDeadLetters(ListDeadLettersRequest.getDefaultInstance())
                .getDeadLettersList().isEmpty(), "another agency does not see them");

        List<WebhookReceiver.Received> failed = receiver.received();
        assertEquals(3, failed.size());
        assertEquals(1, failed.stream().map(WebhookReceiver.Received::id).distinct().count(), "one webhook-id for every attempt");

        receiver.answer(204);
        DeadLetter replayed = webhooks(AGENCY).replayDeadLetter(ReplayDeadLetterRequest.newBuilder()
                .setName(dead.get(0).getName()).build());
        assertTrue(replayed.getReplayed());
        assertEquals(1, sender("a").runOnce());
        List<WebhookReceiver.Received> all = receiver.received();
        assertEquals(failed.get(0).id(), all.get(3).id(), "a replay keeps the id, so a receiver can de-duplicate");
        assertTrue(webhooks(AGENCY).listDeadLetters(ListDeadLettersRequest.getDefaultInstance()).getDeadLettersList()
                .isEmpty());
        assertFails(Status.Code.FAILED_PRECONDITION, "EVENT_NOT_DEAD", () -> webhooks(AGENCY).replayDeadLetter(
                ReplayDeadLetterRequest.newBuilder().setName(dead.get(0).getName()).build()));
    }

    @Test
    void aRotatedSecretSignsEveryLaterSend() {
        Webhook hook = registerReceiver();
        assertTrue(hook.getSecret().startsWith("whsec_"));
        Webhook rotated = webhooks(AGENCY).rotateWebhookSecret(RotateWebhookSecretRequest.newBuilder()
                .setName(hook.getName()).build());
        assertFalse(rotated.getSecret().equals(hook.getSecret()));
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Rotasi").setWebhook(hook.getName()).build());
        worker("a").runOnce();
        sender("a").runOnce();
        assertFalse(receiver.received().get(0).signatureValid(), "the old secret no longer verifies");
        receiver.secret(rotated.getSecret());
        receiver.clear();
        clock.advance(Duration.ofSeconds(1));
        // A later event is signed with the new secret.
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Rotasi 2").setWebhook(hook.getName()).build());
        worker("a").runOnce();
        sender("a").runOnce();
        assertTrue(receiver.received().get(0).signatureValid());
        assertFails(Status.Code.NOT_FOUND, "WEBHOOK_NOT_FOUND", () -> webhooks(OTHER_AGENCY).rotateWebhookSecret(
                RotateWebhookSecretRequest.newBuilder().setName(hook.getName()).build()));
    }

    @Test
    void onlyAgenciesSubmitAndOnlyTheOfficersConcernedAcknowledge() {
        GATEWAY.reachable(NIP, clock.now().plus(Duration.ofHours(8)));
        assertFails(Status.Code.PERMISSION_DENIED, "AGENCY_REQUIRED", () -> as(NIP, Role.OFFICER)
                .submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "x").build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME", () -> agency()
                .submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "x").setRecipient("pegawai/1").build()));
        assertFails(Status.Code.INVALID_ARGUMENT, () -> agency()
                .submitMessage(message(NIP, Urgency.URGENCY_UNSPECIFIED, "x").build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "FIELD_TOO_LONG", () -> agency()
                .submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "s".repeat(201)).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "FIELD_REQUIRED", () -> agency()
                .submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "ok").setText("").build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_WEBHOOK_URL", () -> webhooks(AGENCY)
                .registerWebhook(RegisterWebhookRequest.newBuilder().setUrl("ftp://x").build()));
        Webhook other = webhooks(OTHER_AGENCY).registerWebhook(RegisterWebhookRequest.newBuilder()
                .setUrl("http://127.0.0.1:9/hook").build());
        assertFails(Status.Code.NOT_FOUND, "WEBHOOK_NOT_FOUND", () -> agency()
                .submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "ok").setWebhook(other.getName()).build()));

        assertFails(Status.Code.NOT_FOUND, "RECIPIENT_NOT_FOUND", () -> agency()
                .submitMessage(message(OTHER_NIP, Urgency.URGENCY_ROUTINE, "Tidak dikenal").build()));
        assertEquals(0, count("SELECT COUNT(*) FROM message"), "nothing stored for an unknown officer");

        Message m = agency().submitMessage(message(NIP, Urgency.URGENCY_URGENT, "Aduan").build());
        assertFails(Status.Code.NOT_FOUND, "MESSAGE_NOT_FOUND", () -> as(OTHER_AGENCY, Role.AGENCY)
                .getMessage(GetMessageRequest.newBuilder().setName(m.getName()).build()));
        assertFails(Status.Code.FAILED_PRECONDITION, "MESSAGE_NOT_DELIVERED", () -> as(NIP, Role.OFFICER)
                .acknowledgeMessage(AcknowledgeMessageRequest.newBuilder().setName(m.getName()).build()));
        worker("a").runOnce();
        assertFails(Status.Code.NOT_FOUND, "MESSAGE_NOT_FOUND", () -> as(OTHER_NIP, Role.OFFICER)
                .acknowledgeMessage(AcknowledgeMessageRequest.newBuilder().setName(m.getName()).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "OFFICER_REQUIRED", () -> agency()
                .acknowledgeMessage(AcknowledgeMessageRequest.newBuilder().setName(m.getName()).build()));
        assertEquals(MessageState.MESSAGE_STATE_ACKNOWLEDGED, as(NIP, Role.OFFICER)
                .acknowledgeMessage(AcknowledgeMessageRequest.newBuilder().setName(m.getName()).build()).getState());
    }
}
