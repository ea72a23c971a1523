package io.jeda.gateway.web;

import com.google.protobuf.Timestamp;
import io.jeda.gateway.FakePolicyService;
import io.jeda.gateway.GatewayTestBase;
import io.jeda.relay.v1.AutomaticReply;
import io.jeda.relay.v1.Message;
import io.jeda.relay.v1.MessageState;
import io.jeda.relay.v1.Urgency;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officer's messages page: what waits for them, what is held until their working hours, what is
 * done, times in their zone, and marking one as seen or done with a plain form (no script), which
 * needs the page's CSRF token and this origin.
 */
class MessagesPageTest extends GatewayTestBase {

    private static final String OFFICER = FakePolicyService.OFFICER;
    // 2026-12-03T01:15:00Z is Thursday 08:15 WIB; 2026-12-04T00:30:00Z is Friday 07:30 WIB.
    private static final Timestamp DELIVERED = ts("2026-12-03T01:15:00Z");
    private static final Timestamp MORNING = ts("2026-12-04T00:30:00Z");

    @Inject
    EmbeddedServer server;

    private final HttpClient browser = HttpClient.newHttpClient();

    private static Timestamp ts(String instant) {
        return Timestamp.newBuilder().setSeconds(Instant.parse(instant).getEpochSecond()).build();
    }

    @BeforeEach
    void seed() {
        String me = "officers/" + OFFICER;
        RELAY.seed(Message.newBuilder().setName("messages/m-emergency").setRecipient("rosters/piket-pengaduan")
                .setUrgency(Urgency.URGENCY_EMERGENCY).setSubject("Banjir di Manggar")
                .setText("Warga melaporkan banjir setinggi 50 cm di RT 04.").setState(MessageState.MESSAGE_STATE_DELIVERED)
                .setCurrentHandler(me).setEscalationCount(1).setDeliverTime(DELIVERED)
                .setReply(AutomaticReply.newBuilder().setRespondBy(ts("2026-12-03T01:30:00Z"))).build());
        RELAY.seed(Message.newBuilder().setName("messages/m-held").setRecipient(me).setUrgency(Urgency.URGENCY_ROUTINE)
                .setSubject("Permohonan surat keterangan").setText("Mohon diproses.")
                .setState(MessageState.MESSAGE_STATE_HELD)
                .setReply(AutomaticReply.newBuilder().setDeliverAt(MORNING)).build());
        RELAY.seed(Message.newBuilder().setName("messages/m-done").setRecipient(me).setUrgency(Urgency.URGENCY_ROUTINE)
                .setSubject("Lampu jalan mati").setText("Sudah diperbaiki.").setState(MessageState.MESSAGE_STATE_RESOLVED)
                .setCurrentHandler(me).setDeliverTime(DELIVERED).build());
    }

    @Test
    void theOfficerSeesWhatWaitsWhatIsHeldAndWhatIsDoneInTheirZone() throws IOException {
        String cookie = signIn();
        HttpResponse<String> page = get("/app/messages", cookie);

        assertEquals(200, page.statusCode());
        String html = page.body();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/messages-page.html"), html);
        int open = html.indexOf("Perlu ditindaklanjuti");
        int held = html.indexOf("Ditahan sampai jam kerja");
        int done = html.indexOf("Selesai</h2>");
        assertTrue(open > 0 && held > open && done > held, html);
        assertTrue(html.indexOf("Banjir di Manggar") > open && html.indexOf("Banjir di Manggar") < held);
        assertTrue(html.indexOf("Permohonan surat keterangan") > held && html.indexOf("Permohonan surat keterangan") < done);
        assertTrue(html.indexOf("Lampu jalan mati") > done);
        assertTrue(html.contains("disampaikan Jum 4 Des, 07:30 WIB"), "held until the morning, in WIB: " + html);
        assertTrue(html.contains("diterima Kam 3 Des, 08:15 WIB"), html);
        assertTrue(html.contains("Dialihkan kepada Anda"), "an escalated message says so");
        assertFalse(html.contains("Mohon diproses."), "a held message's text waits for the working hours");
        assertTrue(html.contains("value=\"acknowledge\"") && html.contains("value=\"resolve\""));
        assertFalse(html.contains("<script>"), "no inline script");

        String en = get("/app/messages?lang=en", cookie).body();
        assertTrue(en.contains("To act on") && en.contains("delivered Fri 4 Dec, 07:30 WIB"), en);
    }

    @Test
    void markingAMessageDoneIsAFormWithTheCsrfTokenFromThisSite() {
        String cookie = signIn();
        String page = get("/app/messages", cookie).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        String csrf = m.group(1);

        HttpResponse<String> forged = post("/app/messages/m-emergency", cookie, "action=resolve&_csrf=x" + csrf, null);
        assertEquals(403, forged.statusCode());
        assertEquals(MessageState.MESSAGE_STATE_DELIVERED, RELAY.message("messages/m-emergency").getState());

        HttpResponse<String> foreign = post("/app/messages/m-emergency", cookie, "action=resolve&_csrf=" + csrf,
                "https://evil.example");
        assertEquals(403, foreign.statusCode());

        HttpResponse<String> ok = post("/app/messages/m-emergency", cookie, "action=resolve&_csrf=" + csrf,
                "http://127.0.0.1:" + server.getPort());
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals("/app/messages?done=resolve", ok.headers().firstValue("Location").orElseThrow());
        assertEquals(MessageState.MESSAGE_STATE_RESOLVED, RELAY.message("messages/m-emergency").getState());
        assertEquals(OFFICER, RELAY.callers().get(RELAY.callers().size() - 1), "forwarded with the officer's own token");

        String after = get("/app/messages?done=resolve", cookie).body();
        assertTrue(after.contains("Pesan ditandai selesai."), after);
        assertTrue(after.indexOf("Banjir di Manggar") > after.indexOf("Selesai</h2>"), "now among the done ones");
    }

    private String signIn() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nip=" + URLEncoder.encode(OFFICER, StandardCharsets.UTF_8))));
        String c = r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("jeda_session=")).findFirst()
                .orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie) {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).GET());
    }

    private HttpResponse<String> post(String path, String cookie, String form, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return send(b);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
