package io.jeda.gateway.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider in the test's JVM: discovery document, authorization endpoint (which
 * signs the person in at once and sends the browser back with a code), token endpoint (checking the
 * client secret, the redirect address and the PKCE verifier against the S256 challenge) and JWKS.
 * A test chooses the person's claims, and may make the provider misbehave: another nonce in the ID
 * token, or a token signed with a key it does not publish.
 */
final class FakeIdentityProvider {

    static final String CLIENT_ID = "jeda-web";
    static final String CLIENT_SECRET = "s3cret";

    private record Grant(Map<String, String> authorize) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    volatile Map<String, Object> claims = Map.of();
    volatile String nonceOverride;
    volatile boolean signWithForeignKey;
    volatile Map<String, String> lastAuthorize = Map.of();
    volatile String lastTokenRefusal;

    FakeIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("k1").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("k1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realm/.well-known/openid-configuration", ex -> json(ex, 200, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"],
                 "code_challenge_methods_supported": ["S256"]}""".formatted(issuer())));
        server.createContext("/realm/jwks", ex -> json(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/realm/authorize", this::authorize);
        server.createContext("/realm/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
    }

    void reset() {
        claims = Map.of();
        nonceOverride = null;
        signWithForeignKey = false;
        lastAuthorize = Map.of();
        lastTokenRefusal = null;
    }

    void stop() {
        server.stop(0);
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
        lastAuthorize = q;
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(q));
        ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Grant g = codes.remove(f.getOrDefault("code", ""));
        String refusal = !expected.equals(auth) ? "invalid_client"
                : !"authorization_code".equals(f.get("grant_type")) || g == null ? "invalid_grant"
                : !g.authorize().get("redirect_uri").equals(f.get("redirect_uri")) ? "invalid_grant: redirect_uri"
                : !"S256".equals(g.authorize().get("code_challenge_method"))
                || !s256(f.getOrDefault("code_verifier", "")).equals(g.authorize().get("code_challenge"))
                ? "invalid_grant: PKCE verifier" : null;
        if (refusal != null) {
            lastTokenRefusal = refusal;
            json(ex, 400, "{\"error\": \"" + refusal + "\"}");
            return;
        }
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(issuer()).audience(List.of(CLIENT_ID))
                .subject("idp-user-1").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("nonce", nonceOverride != null ? nonceOverride : g.authorize().get("nonce"));
        claims.forEach(c::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), c.build());
        try {
            jwt.sign(new RSASSASigner(signWithForeignKey ? foreignKey : key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        json(ex, 200, "{\"access_token\": \"at\", \"token_type\": \"Bearer\", \"id_token\": \"" + jwt.serialize() + "\"}");
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parse(String query) {
        Map<String, String> out = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }
}
