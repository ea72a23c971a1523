package io.jeda.relay;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.relay.v1.DeleteWebhookRequest;
import io.jeda.relay.v1.ListDeadLettersRequest;
import io.jeda.relay.v1.ListWebhooksRequest;
import io.jeda.relay.v1.RegisterEmailChannelRequest;
import io.jeda.relay.v1.RegisterWebhookRequest;
import io.jeda.relay.v1.RotateWebhookSecretRequest;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import io.jeda.relay.v1.WebhookServiceGrpc;
import io.jeda.testing.GrpcAssertions;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agency lists and removes its webhooks and email channels; a removed one gets nothing more. */
class ChannelRemovalTest extends RelayTestBase {

    private static final GreenMail SMTP = startSmtp();

    private static GreenMail startSmtp() {
        GreenMail g = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        g.start();
        return g;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = super.getProperties();
        p.put("jeda.relay.smtp.host", "127.0.0.1");
        p.put("jeda.relay.smtp.port", Integer.toString(SMTP.getSmtp().getPort()));
        p.put("jeda.relay.smtp.starttls", "false");
        return p;
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    private Webhook channel(String client, String nip, String address) {
        return webhooks(client).registerEmailChannel(RegisterEmailChannelRequest.newBuilder()
                .setOfficer("officers/" + nip).setAddress(address).build());
    }

    private List<Webhook> list(String client, boolean emailOnly) {
        return webhooks(client).listWebhooks(ListWebhooksRequest.newBuilder().setEmailChannelsOnly(emailOnly).build())
                .getWebhooksList();
    }

    private void delete(String client, Webhook w) {
        webhooks(client).deleteWebhook(DeleteWebhookRequest.newBuilder().setName(w.getName()).build());
    }

    @Test
    void anAgencySeesOnlyItsOwnRegistrationsWithoutSecrets() {
        Webhook siti = channel(AGENCY, NIP, "siti@diskominfo.example.go.id");
        Webhook piket = channel(AGENCY, ON_CALL_NIP, "piket@diskominfo.example.go.id");
        Webhook hook = registerReceiver();
        Webhook others = channel(OTHER_AGENCY, NIP, "siti@eoffice.example.go.id");

        List<Webhook> channels = list(AGENCY, true);
        assertEquals(List.of(siti.getName(), piket.getName()).stream().sorted().toList(),
                channels.stream().map(Webhook::getName).sorted().toList());
        assertTrue(channels.stream().anyMatch(w -> w.getUrl().equals("mailto:siti@diskominfo.example.go.id")
                && w.getOfficer().equals("officers/" + NIP)));
        List<Webhook> all = list(AGENCY, false);
        assertEquals(3, all.size());
        assertTrue(all.stream().anyMatch(w -> w.getName().equals(hook.getName()) && w.getUrl().equals(receiver.url())));
        assertTrue(all.stream().allMatch(w -> w.getSecret().isEmpty()), "a list never shows a secret");
        assertEquals(List.of(others.getName()), list(OTHER_AGENCY, false).stream().map(Webhook::getName).toList());

        var page = webhooks(AGENCY).listWebhooks(ListWebhooksRequest.newBuilder().setPageSize(2).build());
        assertEquals(2, page.getWebhooksCount());
        var rest = webhooks(AGENCY).listWebhooks(ListWebhooksRequest.newBuilder().setPageSize(2)
                .setPageToken(page.getNextPageToken()).build());
        assertEquals(1, rest.getWebhooksCount());
        assertEquals("", rest.getNextPageToken());
    }

    @Test
    void anotherAgencysChannelIsNotFoundAndStaysInPlace() {
        Webhook siti = channel(AGENCY, NIP, "siti@diskominfo.example.go.id");
        GrpcAssertions.assertFails(Status.Code.NOT_FOUND, () -> delete(OTHER_AGENCY, siti));
        GrpcAssertions.assertFails(Status.Code.NOT_FOUND, () -> webhooks(OTHER_AGENCY).deleteWebhook(
                DeleteWebhookRequest.newBuilder().setName("webhooks/nosuchwebhook").build()));
        assertEquals(1, list(AGENCY, true).size(), "still there");
        GrpcAssertions.assertFails(Status.Code.PERMISSION_DENIED, () -> WebhookServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as(NIP, Role.OFFICER)).listWebhooks(ListWebhooksRequest.getDefaultInstance()));
    }

    @Test
    void aRemovedChannelGetsNoFurtherMailAndItsPendingMailIsDropped() throws Exception {
        Webhook siti = channel(AGENCY, NIP, "siti@diskominfo.example.go.id");
        Webhook piket = channel(AGENCY, ON_CALL_NIP, "piket@diskominfo.example.go.id");
        // An EMERGENCY delivered to the on-call officer: its mail is queued, not sent yet.
        GATEWAY.notReachable(NIP, clock.now().plus(Duration.ofHours(9)), clock.now().plus(Duration.ofMinutes(15)),
                ON_CALL_NIP);
        agency().submitMessage(message(NIP, Urgency.URGENCY_EMERGENCY, "Banjir di kelurahan").build());
        worker("a").runOnce();
        assertEquals(1, count("SELECT COUNT(*) FROM webhook_event WHERE status = 'PENDING'"));

        delete(AGENCY, piket);
        sender("a").runOnce();
        assertEquals(0, SMTP.getReceivedMessages().length, "the queued mail of a removed channel is not sent");
        assertEquals(1, count("SELECT COUNT(*) FROM webhook_event WHERE status = 'DROPPED'"));
        assertEquals(0, webhooks(AGENCY).listDeadLetters(ListDeadLettersRequest.getDefaultInstance())
                .getDeadLettersCount(), "dropped, not dead-lettered");

        // ROUTINE held at night; the channel is removed before the morning: no digest mail.
        Instant morning = clock.now().plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
        GATEWAY.notReachable(NIP, morning, morning.plus(Duration.ofHours(8)), null);
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Jalan rusak di RT 04").build());
        delete(AGENCY, siti);
        clock.advance(Duration.between(clock.now(), morning).plusSeconds(1));
        worker("a").runOnce();
        sender("a").runOnce();
        assertEquals(0, SMTP.getReceivedMessages().length, "nothing goes to a removed channel");
        assertEquals(1, count("SELECT COUNT(*) FROM message WHERE state = 'DELIVERED' AND subject = 'Jalan rusak di RT 04'"),
                "the message itself is still delivered");

        assertTrue(list(AGENCY, false).isEmpty());
        GrpcAssertions.assertFails(Status.Code.NOT_FOUND, () -> delete(AGENCY, siti));
    }

    @Test
    void aRemovedWebhookIsNotSentToAndCannotBeUsedOrRotated() {
        Webhook hook = registerReceiver();
        GATEWAY.notReachable(NIP, clock.now().plus(Duration.ofHours(9)), clock.now().plus(Duration.ofMinutes(15)),
                ON_CALL_NIP);
        agency().submitMessage(message(NIP, Urgency.URGENCY_EMERGENCY, "Banjir").setWebhook(hook.getName()).build());
        delete(AGENCY, hook);
        worker("a").runOnce();
        sender("a").runOnce();
        assertTrue(receiver.received().isEmpty(), "no report reaches a removed webhook");

        GrpcAssertions.assertFails(Status.Code.NOT_FOUND, () -> agency().submitMessage(
                message(NIP, Urgency.URGENCY_ROUTINE, "Lagi").setWebhook(hook.getName()).build()));
        GrpcAssertions.assertFails(Status.Code.NOT_FOUND, () -> webhooks(AGENCY).rotateWebhookSecret(
                RotateWebhookSecretRequest.newBuilder().setName(hook.getName()).build()));
    }
}
