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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app's pages and session against the real gateway (its REST API on the fake services):
 * what a browser gets for signing in, the cookie's flags, the pages' security headers, the texts in
 * both languages, the refusal of agency tokens, and the CSRF rules for API calls made with the cookie.
 */
class WebAppTest extends GatewayTestBase {

    private static final String OFFICER = FakePolicyService.OFFICER;
    private static final String CHECK_IN = """
            {"mode": "OFFICE", "deviceTime": "2026-11-25T00:05:00Z",
             "position": {"latitude": -2.7411, "longitude": 107.6520, "accuracyMeters": 12},
             "deviceId": "phone"}""";

    @Inject
    EmbeddedServer server;

    private final HttpClient browser = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("jeda.web.demo-people", OFFICER + "|Siti Aminah|OFFICER;"
                + FakePolicyService.ONCALL + "|Budi Darmawan|OFFICER+MANAGER");
    }

    @Test
    void theSignInPageListsTheDemoPeopleInIndonesianByDefaultAndInEnglishByChoice() {
        HttpResponse<String> id = get("/signin", null, Map.of());
        assertEquals(200, id.statusCode());
        assertTrue(id.body().contains("Siti Aminah") && id.body().contains("Budi Darmawan"), id.body());
        assertTrue(id.body().contains("Masuk sebagai orang contoh") && id.body().contains("Atasan langsung"), id.body());
        assertTrue(id.body().contains("belum dikonfigurasi"), "production sign-in is said to be not configured");

        HttpResponse<String> en = get("/signin?lang=en", null, Map.of());
        assertTrue(en.body().contains("Sign in as a demo person") && en.body().contains("Direct manager"), en.body());
        assertTrue(en.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("jeda_lang=en")));
        // The choice is remembered by its cookie.
        assertTrue(get("/signin", null, Map.of("Cookie", "jeda_lang=en")).body().contains("Sign in as a demo person"));
    }

    @Test
    void signingInGivesAnHttpOnlyStrictCookieAndTodaysPageWithoutInlineScript() {
        HttpResponse<String> r = signIn(OFFICER);
        assertEquals(303, r.statusCode());
        assertEquals("/app/today", r.headers().firstValue("Location").orElseThrow());
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("jeda_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http on localhost: " + cookie);

        HttpResponse<String> today = get("/app/today", session(cookie), Map.of());
        assertEquals(200, today.statusCode(), today.body());
        String csp = today.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(today.body());
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "an inline script: " + scripts.group());
        }
        assertTrue(today.body().contains("Jadwal hari ini"), today.body());
        assertTrue(today.body().contains("name=\"csrf-token\""), today.body());
    }

    @Test
    void theMonthPageIsOneOfTheApp() {
        String cookie = session(signIn(OFFICER).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("jeda_session=")).findFirst().orElseThrow());
        HttpResponse<String> month = get("/app/month", cookie, Map.of());
        assertEquals(200, month.statusCode(), month.body());
        assertTrue(month.body().contains("Bulan saya") && month.body().contains("id=\"calendar\""), month.body());
        assertTrue(month.body().contains("aria-label=\"Berikutnya\""), "the month buttons are labelled");
        assertTrue(get("/app/month?lang=en", cookie, Map.of()).body().contains("My on-call turns"));
    }

    @Test
    void theCookieIsSecureWhenTheRequestCameOverHttps() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/signin")).header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nip=" + OFFICER)));
        assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("jeda_session=")
                && c.contains("Secure")), r.headers().toString());
    }

    @Test
    void anAgencyTokenCannotOpenTheApp() {
        String agency = "jeda_session=" + Tokens.token("complaint-desk", Role.AGENCY);
        HttpResponse<String> r = get("/app/today", agency, Map.of());
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("Token ini milik sistem instansi (complaint-desk)"), r.body());
        HttpResponse<String> api = get("/v1/me/schedule", agency, Map.of());
        assertEquals(403, api.statusCode());
        assertTrue(api.body().contains("AGENCY_NOT_ALLOWED"), api.body());
    }

    @Test
    void withoutASessionTheAppSendsToSignIn() {
        HttpResponse<String> r = get("/app/today", null, Map.of());
        assertEquals(303, r.statusCode());
        assertEquals("/signin", r.headers().firstValue("Location").orElseThrow());
        assertEquals(303, get("/app/today", "jeda_session=not-a-token", Map.of()).statusCode());
    }

    @Test
    void apiCallsWithTheCookieNeedTheCsrfTokenAndTheSameOriginToChangeAnything() {
        String cookie = session(signIn(OFFICER).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("jeda_session=")).findFirst().orElseThrow());
        String page = get("/app/today", cookie, Map.of()).body();
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        String csrf = m.group(1);

        assertEquals(200, get("/v1/me/schedule", cookie, Map.of()).statusCode(), "a read needs only the cookie");

        HttpResponse<String> noToken = post("/v1/me/check-ins", cookie, Map.of());
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("CSRF_TOKEN_INVALID"), noToken.body());

        HttpResponse<String> wrongToken = post("/v1/me/check-ins", cookie, Map.of("X-CSRF-Token", "x" + csrf));
        assertTrue(wrongToken.body().contains("CSRF_TOKEN_INVALID"), wrongToken.body());

        HttpResponse<String> foreign = post("/v1/me/check-ins", cookie,
                Map.of("X-CSRF-Token", csrf, "Origin", "https://evil.example"));
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("CROSS_ORIGIN_REQUEST"), foreign.body());

        HttpResponse<String> ok = post("/v1/me/check-ins", cookie, Map.of("X-CSRF-Token", csrf,
                "Origin", "http://127.0.0.1:" + server.getPort(), "Idempotency-Key", "web-test-1"));
        assertEquals(200, ok.statusCode(), ok.body());
    }

    @Test
    void aSignInFromAnotherSiteIsRefused() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/signin")).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nip=" + OFFICER)));
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("jeda_session=")));
    }

    @Test
    void theAppIsInstallableWithAManifestAndAServiceWorker() {
        HttpResponse<String> manifest = get("/manifest.webmanifest", null, Map.of());
        assertEquals(200, manifest.statusCode());
        assertTrue(manifest.headers().firstValue("Content-Type").orElse("").startsWith("application/manifest+json"));
        assertTrue(manifest.body().contains("\"start_url\": \"/app/today\""), manifest.body());
        HttpResponse<String> sw = get("/sw.js", null, Map.of());
        assertEquals(200, sw.statusCode());
        assertTrue(sw.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, get("/static/..%2Fapplication.yml", null, Map.of()).statusCode());
    }

    private HttpResponse<String> signIn(String nip) {
        return send(HttpRequest.newBuilder(uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nip=" + URLEncoder.encode(nip, StandardCharsets.UTF_8))));
    }

    private static String session(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        headers.forEach(b::header);
        return send(b);
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CHECK_IN));
        headers.forEach(b::header);
        return send(b);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
