package io.jeda.gateway.web;

import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.FakePolicyService;
import io.jeda.gateway.GatewayTestBase;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production sign-in: the authorization code flow with PKCE against an identity provider run in the
 * test, as a browser goes through it (gateway, provider, back to the gateway's callback, into the
 * app). The provider's claims become Jeda's NIP and roles through the settings; a callback whose
 * state is not the browser's, or an ID token with another nonce or a key the provider does not
 * publish, signs nobody in.
 */
class OidcSignInTest extends GatewayTestBase {

    private static final FakeIdentityProvider IDP = new FakeIdentityProvider();
    private static final String OFFICER = FakePolicyService.OFFICER;

    @Inject
    EmbeddedServer server;

    @Inject
    TokenService tokens;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("jeda.web.oidc.issuer", IDP.issuer(),
                "jeda.web.oidc.client-id", FakeIdentityProvider.CLIENT_ID,
                "jeda.web.oidc.client-secret", FakeIdentityProvider.CLIENT_SECRET,
                "jeda.web.oidc.nip-claim", "employee.nip",
                "jeda.web.oidc.roles-claim", "groups",
                "jeda.web.oidc.role-map", "fwa-pegawai=OFFICER;fwa-atasan=OFFICER+MANAGER;fwa-admin=ADMIN;fwa-sdm=HR",
                "jeda.web.oidc.unit-claim", "employee.unit",
                "jeda.web.oidc.default-roles", "");
    }

    @BeforeEach
    void resetProvider() {
        IDP.reset();
    }

    @AfterAll
    void stopProvider() {
        IDP.stop();
    }

    @Test
    void aManagerSignsInAtTheProviderAndGetsTheAppWithTheMappedRoles() {
        IDP.claims = Map.of("employee", Map.of("nip", OFFICER), "groups", List.of("fwa-atasan", "other-app"));
        assertTrue(get("/signin", null).body().contains("id=\"signin-oidc\""), "the sign-in page offers the provider");

        HttpResponse<String> start = get("/signin/oidc", null);
        assertEquals(303, start.statusCode());
        String pending = cookie(start, "jeda_oidc").orElseThrow();
        assertTrue(pending.contains("HttpOnly") || pending.contains("HTTPOnly"), pending);
        assertTrue(pending.contains("SameSite=Lax") && pending.contains("Path=/signin/oidc"), pending);

        HttpResponse<String> atProvider = follow(start, null);
        assertEquals("S256", IDP.lastAuthorize.get("code_challenge_method"));
        assertEquals(43, IDP.lastAuthorize.get("code_challenge").length());
        assertEquals("http://127.0.0.1:" + server.getPort() + "/signin/oidc/callback", IDP.lastAuthorize.get("redirect_uri"));
        assertNotNull(IDP.lastAuthorize.get("nonce"));

        HttpResponse<String> back = follow(atProvider, value(pending));
        assertEquals(200, back.statusCode(), back.body());
        assertNull(IDP.lastTokenRefusal, "the provider accepted secret, redirect address and PKCE verifier");
        assertTrue(back.body().contains("http-equiv=\"refresh\""), back.body());
        String session = cookie(back, "jeda_session").orElseThrow();
        assertTrue(session.contains("SameSite=Strict"), session);
        assertTrue(cookie(back, "jeda_oidc").orElseThrow().contains("Max-Age=0"), "the pending sign-in is cleared");

        HttpResponse<String> inbox = get("/app/inbox", value(session));
        assertEquals(200, inbox.statusCode(), "a manager by the provider's group fwa-atasan");
        assertEquals(200, get("/v1/me/schedule", value(session)).statusCode());
    }

    @Test
    void anOfficerIsNoManager() {
        IDP.claims = Map.of("employee", Map.of("nip", OFFICER), "groups", "fwa-pegawai");
        String session = cookie(signIn(), "jeda_session").orElseThrow();
        assertEquals(200, get("/app/today", value(session)).statusCode());
        assertEquals(303, get("/app/inbox", value(session)).statusCode());
    }

    @Test
    void anAdminOrHrAdministersTheUnitTheProviderNames() {
        IDP.claims = Map.of("employee", Map.of("nip", OFFICER, "unit", "units/u1"),
                "groups", List.of("fwa-pegawai", "fwa-admin"));
        Caller admin = caller(signIn());
        assertTrue(admin.has(Role.ADMIN), admin.toString());
        assertEquals("u1", admin.unit(), "the session token carries the unit claim, so the admin's scope is u1");

        IDP.claims = Map.of("employee", Map.of("nip", OFFICER, "unit", "*"), "groups", List.of("fwa-pegawai", "fwa-sdm"));
        assertEquals(Caller.NATIONAL, caller(signIn()).unit(), "a national HR");

        // Without the claim at the provider: signed in, administering nothing (ADMIN_SCOPE_MISSING).
        IDP.claims = Map.of("employee", Map.of("nip", OFFICER), "groups", List.of("fwa-pegawai", "fwa-admin"));
        assertNull(caller(signIn()).unit());
        // And an officer's token names no unit even when the provider sends one.
        IDP.claims = Map.of("employee", Map.of("nip", OFFICER, "unit", "u1"), "groups", "fwa-pegawai");
        assertNull(caller(signIn()).unit());
    }

    @Test
    void withoutTheSharedSecretTheGatewayRefusesToStartAndSaysWhatIsMissing() {
        OidcSettings configured = new OidcSettings(IDP.issuer(), FakeIdentityProvider.CLIENT_ID,
                FakeIdentityProvider.CLIENT_SECRET, "", "openid", "nip", "roles", "unit", "", "OFFICER",
                java.time.Duration.ofSeconds(5), java.time.Duration.ofMinutes(10));
        // Only the identity provider's keys: nothing to sign the session token with.
        ConfigurationException onlyJwks = assertThrows(ConfigurationException.class, () -> new OidcSignIn(configured,
                new TokenService("", IDP.issuer() + "/jwks", "jeda", false)));
        assertTrue(onlyJwks.getMessage().contains("JEDA_JWT_SECRET"), onlyJwks.getMessage());
        // Both: the session token would be signed, but no service would accept it.
        ConfigurationException both = assertThrows(ConfigurationException.class, () -> new OidcSignIn(configured,
                new TokenService("x".repeat(32), IDP.issuer() + "/jwks", "jeda", false)));
        assertTrue(both.getMessage().contains("JEDA_JWKS_URI"), both.getMessage());
        // Without sign-in through a provider, a JWKS-only gateway starts as before.
        OidcSettings off = new OidcSettings("", "", "", "", "openid", "nip", "roles", "unit", "", "OFFICER",
                java.time.Duration.ofSeconds(5), java.time.Duration.ofMinutes(10));
        assertNotNull(new OidcSignIn(off, new TokenService("", IDP.issuer() + "/jwks", "jeda", false)));
    }

    private Caller caller(HttpResponse<String> signedIn) {
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String session = value(cookie(signedIn, "jeda_session").orElseThrow());
        return tokens.verify(session.substring(session.indexOf('=') + 1));
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() {
        IDP.claims = Map.of("employee", Map.of("nip", OFFICER), "groups", "fwa-pegawai");
        HttpResponse<String> start = get("/signin/oidc", null);
        HttpResponse<String> atProvider = follow(start, null);
        String callback = atProvider.headers().firstValue("Location").orElseThrow();
        // An attacker's own callback (its own code and state) pressed into this browser, which holds
        // the state of another sign-in.
        String forged = callback.replaceFirst("state=[^&]+", "state=forged");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(forged))
                .header("Cookie", value(cookie(start, "jeda_oidc").orElseThrow())));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("state berbeda"), r.body());
        assertTrue(cookie(r, "jeda_session").isEmpty(), "nobody is signed in");
        // And without the browser's pending sign-in at all.
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(callback)));
        assertEquals(400, none.statusCode());
        assertTrue(cookie(none, "jeda_session").isEmpty());
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        IDP.claims = Map.of("employee", Map.of("nip", OFFICER), "groups", "fwa-pegawai");
        IDP.nonceOverride = "nonce-of-another-sign-in";
        HttpResponse<String> r = signIn();
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("nonce berbeda"), r.body());
        assertTrue(cookie(r, "jeda_session").isEmpty());
    }

    @Test
    void anIdTokenSignedWithAKeyTheProviderDoesNotPublishIsRefused() {
        IDP.claims = Map.of("employee", Map.of("nip", OFFICER), "groups", "fwa-pegawai");
        IDP.signWithForeignKey = true;
        HttpResponse<String> r = signIn();
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("token identitas yang sah"), r.body());
        assertTrue(cookie(r, "jeda_session").isEmpty());
    }

    @Test
    void aPersonWithoutNipOrWithoutAJedaRoleIsRefused() {
        IDP.claims = Map.of("employee", Map.of("nip", "not-a-nip"), "groups", "fwa-pegawai");
        HttpResponse<String> noNip = signIn();
        assertEquals(400, noNip.statusCode());
        assertTrue(noNip.body().contains("tidak memuat NIP"), noNip.body());

        IDP.claims = Map.of("employee", Map.of("nip", OFFICER), "groups", List.of("other-app"));
        HttpResponse<String> noRole = signIn();
        assertEquals(400, noRole.statusCode());
        assertTrue(noRole.body().contains("tidak memiliki peran"), noRole.body());
        assertTrue(cookie(noRole, "jeda_session").isEmpty());
    }

    /** The whole round: gateway, provider, callback with the pending cookie. */
    private HttpResponse<String> signIn() {
        HttpResponse<String> start = get("/signin/oidc", null);
        assertEquals(303, start.statusCode(), start.body());
        HttpResponse<String> atProvider = follow(start, null);
        return follow(atProvider, value(cookie(start, "jeda_oidc").orElseThrow()));
    }

    private HttpResponse<String> follow(HttpResponse<String> r, String cookie) {
        String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(r.body()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(location));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    private static Optional<String> cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    private static String value(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
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
