package io.jeda.gateway.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OpenID Connect authorization code flow with PKCE (S256), state and nonce, against the configured
 * identity provider; written out by hand because the gateway checks its callers itself and has no
 * Micronaut Security for micronaut-security-oauth2 to plug into.
 * <p>
 * {@link #start} makes the state, the nonce and the code verifier and returns the provider's
 * authorization address; the three travel in a short-lived HttpOnly cookie of the browser (so any
 * gateway instance can finish the sign-in). {@link #finish} checks that the provider sent back the
 * same state, exchanges the code with the verifier and the client secret, verifies the ID token
 * (signature by the provider's published keys, issuer, audience, expiry, nonce) and reads the NIP,
 * the roles and (for ADMIN and HR) the unit administered from its claims as the settings say.
 */
@Context // created at start, so that a sign-in that could not mint its session token stops the gateway there
public class OidcSignIn {

    /** Why a sign-in was refused; {@link #key} names the text shown to the person. */
    public static final class Refused extends Exception {
        private final String key;

        Refused(String key, String detail) {
            super(detail);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Where to send the browser, and the cookie value that must come back with the callback. */
    public record Start(URI authorize, String pending) {
    }

    /**
     * The person the provider vouched for; {@code unit} is the unit an ADMIN or HR administers (the
     * token's {@value io.jeda.common.security.TokenService#UNIT_CLAIM} claim), null for anyone else or
     * when the provider names none.
     */
    public record Person(String nip, Set<Role> roles, String unit) {
    }

    private record Provider(URI authorization, URI token, JWKSource<SecurityContext> keys) {
    }

    static final String MISSING_SECRET = "JEDA_OIDC_ISSUER is set, but the web app's sign-in has no key to sign "
            + "its session tokens with: it mints them with JEDA_JWT_SECRET (at least 32 bytes, shared by every "
            + "service), and with JEDA_JWKS_URI set the services accept only the identity provider's tokens. "
            + "Set JEDA_JWT_SECRET and leave JEDA_JWKS_URI unset, or unset JEDA_OIDC_ISSUER";
    private static final String NIP = "\\d{18}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OidcSettings settings;
    private final HttpClient http;
    private volatile Provider provider;

    /**
     * @throws ConfigurationException when sign-in through the provider is configured but the gateway
     *                                cannot mint a session token that the services accept
     */
    public OidcSignIn(OidcSettings settings, TokenService tokens) {
        if (settings.configured() && !tokens.verifiesMintedTokens()) {
            throw new ConfigurationException(MISSING_SECRET);
        }
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean configured() {
        return settings.configured();
    }

    public Start start(URI redirectUri) throws Refused {
        Provider p = provider();
        String state = random();
        String nonce = random();
        String verifier = random();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", settings.clientId());
        q.put("redirect_uri", redirectUri.toString());
        q.put("scope", settings.scopes());
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        String sep = p.authorization().getRawQuery() == null ? "?" : "&";
        return new Start(URI.create(p.authorization() + sep + form(q)), state + "." + nonce + "." + verifier);
    }

    /**
     * @param pending     the cookie {@link #start} gave (null when the browser brought none)
     * @param state       the state the provider sent back
     * @param code        the authorization code
     * @param error       the provider's error parameter, if it refused
     * @param redirectUri the same callback address {@link #start} was given
     */
    public Person finish(String pending, String state, String code, String error, URI redirectUri) throws Refused {
        if (error != null && !error.isBlank()) {
            throw new Refused("signin.oidc.error.provider", "the identity provider answered " + error);
        }
        String[] parts = pending == null ? new String[0] : pending.split("\\.");
        if (parts.length != 3 || state == null
                || !MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("signin.oidc.error.state", "the state does not match the one this browser was given");
        }
        if (code == null || code.isBlank()) {
            throw new Refused("signin.oidc.error.provider", "no authorization code");
        }
        Provider p = provider();
        String idToken = exchange(p, code, parts[2], redirectUri);
        JWTClaimsSet claims = verify(p, idToken);
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String n) || !MessageDigest.isEqual(n.getBytes(StandardCharsets.UTF_8),
                parts[1].getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("signin.oidc.error.nonce", "the ID token's nonce is not this sign-in's");
        }
        return person(claims);
    }

    private String exchange(Provider p, String code, String verifier, URI redirectUri) throws Refused {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", redirectUri.toString());
        f.put("code_verifier", verifier);
        f.put("client_id", settings.clientId());
        String basic = Base64.getEncoder().encodeToString((enc(settings.clientId()) + ":"
                + enc(settings.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(p.token()).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(f))).build();
        Map<String, Object> body = json(req, "signin.oidc.error.token");
        Object idToken = body.get("id_token");
        if (!(idToken instanceof String t) || t.isBlank()) {
            throw new Refused("signin.oidc.error.token", "the token answer has no id_token");
        }
        return t;
    }

    private JWTClaimsSet verify(Provider p, String idToken) throws Refused {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // Only asymmetric signatures: an ID token signed with the client secret or unsigned is refused.
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.SIGNATURE);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, p.keys()));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(settings.clientId(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp", "iat"));
        verifier.setMaxClockSkew(60);
        processor.setJWTClaimsSetVerifier(verifier);
        try {
            return processor.process(idToken, null);
        } catch (Exception e) {
            throw new Refused("signin.oidc.error.token", "the ID token is not valid: " + e.getMessage());
        }
    }

    Person person(JWTClaimsSet claims) throws Refused {
        Object nip = claim(claims.getClaims(), settings.nipClaim());
        if (!(nip instanceof String n) || !n.trim().matches(NIP)) {
            throw new Refused("signin.oidc.error.nip", "the claim " + settings.nipClaim() + " holds no NIP");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(settings.defaultRoles());
        for (String value : values(claim(claims.getClaims(), settings.rolesClaim()))) {
            Set<Role> mapped = settings.roleMap().get(value);
            if (mapped != null) {
                roles.addAll(mapped);
            }
        }
        if (!roles.contains(Role.OFFICER) && !roles.contains(Role.MANAGER)) {
            throw new Refused("signin.oidc.error.role", "no Jeda role for this person");
        }
        return new Person(n.trim(), Set.copyOf(roles), unit(claims, roles));
    }

    /**
     * The unit an ADMIN or HR administers, from the unit claim the settings name; null for other
     * people, and when the provider sends none (the token then administers nothing).
     */
    private String unit(JWTClaimsSet claims, Set<Role> roles) {
        if (!roles.contains(Role.ADMIN) && !roles.contains(Role.HR) || settings.unitClaim().isEmpty()) {
            return null;
        }
        Object unit = claim(claims.getClaims(), settings.unitClaim());
        if (unit instanceof Collection<?> c && c.size() == 1) {
            unit = c.iterator().next();
        }
        if (unit instanceof String u && !u.isBlank()) {
            return u.trim();
        }
        return null;
    }

    /** A claim by name, or by a dotted path into nested objects (realm_access.roles). */
    @SuppressWarnings("unchecked")
    static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object at = claims;
        for (String step : name.split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = ((Map<String, Object>) m).get(step);
        }
        return at;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s) {
            return List.of(s.trim().split("[\\s,]+"));
        }
        return List.of();
    }

    /** The provider's discovery document, read once (its keys are refreshed by their own source). */
    private Provider provider() throws Refused {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (provider == null) {
                String base = settings.issuer().replaceAll("/+$", "");
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                        .timeout(settings.timeout()).header("Accept", "application/json").GET().build();
                Map<String, Object> doc = json(req, "signin.oidc.error.unreachable");
                if (!settings.issuer().equals(doc.get("issuer"))) {
                    throw new Refused("signin.oidc.error.unreachable", "the discovery document names issuer "
                            + doc.get("issuer") + ", not " + settings.issuer());
                }
                try {
                    provider = new Provider(URI.create((String) doc.get("authorization_endpoint")),
                            URI.create((String) doc.get("token_endpoint")),
                            JWKSourceBuilder.create(URI.create((String) doc.get("jwks_uri")).toURL())
                                    .retrying(true).build());
                } catch (RuntimeException | IOException e) {
                    throw new Refused("signin.oidc.error.unreachable", "the discovery document is incomplete: " + e);
                }
            }
            return provider;
        }
    }

    private Map<String, Object> json(HttpRequest req, String key) throws Refused {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new Refused(key, req.uri() + " answered " + r.statusCode());
            }
            return JSONObjectUtils.parse(r.body());
        } catch (IOException | java.text.ParseException e) {
            throw new Refused(key, req.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(key, "interrupted");
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
