package io.jeda.gateway.web;

import io.jeda.common.security.Role;
import io.jeda.gateway.FakePolicyService;
import io.jeda.gateway.GatewayTestBase;
import io.jeda.testing.Tokens;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administration pages: for ADMIN (with forms) and HR (read only), in the menu, never for an officer. */
class AdminPagesTest extends GatewayTestBase {

    private static final String ADMIN_NIP = "198203102008011006";

    @Inject
    EmbeddedServer server;

    private final HttpClient browser = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("jeda.web.demo-people", FakePolicyService.OFFICER + "|Siti Aminah|OFFICER;"
                + ADMIN_NIP + "|Dewi Admin|OFFICER+ADMIN|u1");
    }

    @Test
    void aDemoAdminSignsInWithTheUnitItAdministersAndFindsTheAdministrationPages() {
        String cookie = session(signIn(ADMIN_NIP));
        assertTrue(get("/app/today", cookie).body().contains("href=\"/app/admin/units\""), "the menu names the pages");
        HttpResponse<String> units = get("/app/admin/units", cookie);
        assertEquals(200, units.statusCode());
        assertTrue(units.body().contains("Unit &amp; kantor"), units.body());
        // The header says what the person is here: an admin, not "Pegawai" (officer).
        assertTrue(units.body().contains("id=\"who-role\">Admin<"), units.body());
        assertTrue(get("/app/today", cookie).body().contains("id=\"who-role\">Admin<"), "the same on the officer's pages");
        assertTrue(units.body().contains(">u1<"), "the scope of the token is shown: " + units.body());
        assertTrue(units.body().contains("id=\"unit-form\""));
        assertTrue(units.body().contains("/static/admin.js"));
        for (String s : AdminPages.SECTIONS) {
            assertEquals(200, get("/app/admin/" + s + "?lang=en", cookie).statusCode(), s);
        }
        assertTrue(get("/app/admin/import?lang=en", cookie).body().contains("Check (dry run)"));
        assertEquals(404, get("/app/admin/nothing", cookie).statusCode());
        assertEquals(200, get("/static/admin.js", null).statusCode());
    }

    @Test
    void hrReadsWithoutFormsAndAnOfficerIsSentBackToToday() {
        String hr = "jeda_session=" + Tokens.scoped("199001152015032004", "u1", Role.OFFICER, Role.HR);
        HttpResponse<String> page = get("/app/admin/officers", hr);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("hanya baca"), page.body());
        assertTrue(page.body().contains("id=\"who-role\">SDM<"), page.body());
        assertTrue(get("/app/today?lang=en", hr).body().contains("id=\"who-role\">HR<"));
        assertFalse(page.body().contains("id=\"officer-form\""));
        String officer = session(signIn(FakePolicyService.OFFICER));
        HttpResponse<String> refused = get("/app/admin/units", officer);
        assertEquals(303, refused.statusCode());
        assertEquals("/app/today", refused.headers().firstValue("Location").orElseThrow());
        assertFalse(get("/app/today", officer).body().contains("/app/admin/"));
        assertTrue(get("/app/today", officer).body().contains("id=\"who-role\">Pegawai<"));
        assertEquals(303, get("/app/admin/units", null).statusCode());
    }

    private HttpResponse<String> signIn(String nip) {
        return send(HttpRequest.newBuilder(uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nip=" + URLEncoder.encode(nip, StandardCharsets.UTF_8))));
    }

    private static String session(HttpResponse<String> r) {
        String c = r.headers().allValues("Set-Cookie").stream().filter(x -> x.startsWith("jeda_session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session: " + r.body()));
        return c.substring(0, c.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return browser.send(b.header("Origin", "http://127.0.0.1:" + server.getPort()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
