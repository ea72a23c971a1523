package io.jeda.relay;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.grpc.Status;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.RegisterEmailChannelRequest;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import io.jeda.testing.GrpcAssertions;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Email as an officer's delivery channel, through an SMTP sink run by the test (GreenMail). */
class EmailChannelTest extends RelayTestBase {

    private static final GreenMail SMTP = startSmtp();
    private static final String SITI = "siti@diskominfo.example.go.id";

    private static GreenMail startSmtp() {
        GreenMail g = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        g.start();
        g.setUser("jeda-relay", "relay-secret");
        return g;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = super.getProperties();
        p.put("jeda.relay.smtp.host", "127.0.0.1");
        p.put("jeda.relay.smtp.port", Integer.toString(SMTP.getSmtp().getPort()));
        p.put("jeda.relay.smtp.starttls", "false");
        p.put("jeda.relay.smtp.user", "jeda-relay");
        p.put("jeda.relay.smtp.password", "relay-secret");
        p.put("jeda.relay.smtp.from", "Jeda <jeda@kominfo.example.go.id>");
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

    private static List<MimeMessage> mails() {
        return Arrays.asList(SMTP.getReceivedMessages());
    }

    @Test
    void routineMessagesHeldAtNightArriveInTheMorningAsOneMail() throws Exception {
        Webhook ch = channel(AGENCY, NIP, SITI);
        assertEquals("mailto:" + SITI, ch.getUrl());
        assertEquals("officers/" + NIP, ch.getOfficer());
        assertEquals("", ch.getSecret(), "a mail channel has no signing secret to show");
        channel(OTHER_AGENCY, NIP, "siti.other@example.go.id");
        Instant morning = clock.now().plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
        GATEWAY.notReachable(NIP, morning, morning.plus(Duration.ofHours(8)), null);
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Jalan rusak di RT 04").build());
        agency().submitMessage(message(NIP, Urgency.URGENCY_ROUTINE, "Lampu jalan mati").build());

        worker("a").runOnce();
        sender("a").runOnce();
        assertTrue(mails().isEmpty(), "nothing is mailed at night");

        clock.advance(Duration.between(clock.now(), morning).plusSeconds(1));
        worker("a").runOnce();
        sender("a").runOnce();
        sender("a").runOnce();
        assertEquals(1, mails().size(), "the digest is one mail, sent once; the other agency's channel gets none");
        MimeMessage mail = mails().get(0);
        assertEquals(SITI, mail.getAllRecipients()[0].toString());
        assertEquals("2 messages held until your working hours", mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains("Jalan rusak di RT 04") && body.contains("Lampu jalan mati"), body);
        assertTrue(body.contains("Mohon tindak lanjut laporan warga: Lampu jalan mati"), body);
        assertTrue(mail.getMessageID().matches("<msg_[0-9a-f]{32}@kominfo\\.example\\.go\\.id>"), mail.getMessageID());
    }

    @Test
    void anEmergencyIsMailedOnceAndARepeatAfterALostLeaseKeepsItsMessageId() throws Exception {
        channel(AGENCY, ON_CALL_NIP, "piket@diskominfo.example.go.id");
        GATEWAY.notReachable(NIP, clock.now().plus(Duration.ofHours(9)), clock.now().plus(Duration.ofMinutes(15)),
                ON_CALL_NIP);
        Message m = agency().submitMessage(message(NIP, Urgency.URGENCY_EMERGENCY, "Banjir di kelurahan").build());

        worker("a").runOnce();
        sender("a").runOnce();
        sender("a").runOnce();
        assertEquals(1, mails().size(), "delivered once");
        MimeMessage first = mails().get(0);
        assertEquals("[EMERGENCY] Banjir di kelurahan", first.getSubject());
        String body = GreenMailUtil.getBody(first);
        assertTrue(body.contains("Mohon tindak lanjut laporan warga: Banjir di kelurahan"), body);
        assertTrue(body.contains(m.getName()), "names the message: " + body);

        // The replica died after the relay took the mail and before it wrote so: at least once, same id.
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE webhook_event SET status = 'PENDING', sent_at = NULL");
        }
        sender("b").runOnce();
        assertEquals(2, mails().size());
        assertEquals(first.getMessageID(), mails().get(1).getMessageID(), "a repeat can be recognised by its Message-ID");
    }

    @Test
    void anAddressThatIsNotOneAddressIsRefused() {
        GrpcAssertions.assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_EMAIL_ADDRESS",
                () -> channel(AGENCY, NIP, "siti@example.go.id, boss@example.go.id")).hasMetadata("field", "address");
        GrpcAssertions.assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_EMAIL_ADDRESS",
                () -> channel(AGENCY, NIP, "siti"));
    }
}
