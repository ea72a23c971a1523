package io.jeda.gateway.web;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The web app's session: the caller's JWT in an HttpOnly, SameSite=Strict cookie (Secure on https),
 * never visible to scripts. State-changing requests made with it must also carry a CSRF token that
 * only a page of this origin can know: a hash of the session token, written into each page.
 */
@Singleton
public class WebSession {

    public static final String COOKIE = "jeda_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    /** The state, nonce and PKCE verifier of a sign-in under way at the identity provider. */
    public static final String OIDC_COOKIE = "jeda_oidc";
    static final String OIDC_PATH = "/signin/oidc";

    /** A verified session: the token, who it names, and its CSRF token. */
    public record Session(String token, Caller caller, String csrf) {

        /** An officer or a manager, and not an agency system: who may use the app. */
        public boolean person() {
            return !caller.has(Role.AGENCY) && (caller.has(Role.OFFICER) || caller.has(Role.MANAGER));
        }

        public boolean manager() {
            return caller.has(Role.MANAGER);
        }
    }

    private final TokenService tokens;
    private final WebSettings settings;

    public WebSession(TokenService tokens, WebSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    /** The session the request's cookie holds, if its token verifies. */
    public Optional<Session> of(HttpRequest<?> request) {
        String token = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Session(token, tokens.verify(token), csrf(token)));
        } catch (JedaException e) {
            return Optional.empty();
        }
    }

    /** The CSRF token bound to a session token. */
    public static String csrf(String token) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("jeda-csrf|" + token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Constant-time comparison of a presented CSRF token with the session's. */
    public static boolean csrfMatches(Session s, @Nullable String presented) {
        return presented != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * False when the request names another origin in Origin (or, lacking it, Referer): a cross-site
     * form or script. A request without either (same-origin navigation in old browsers) passes.
     */
    public static boolean sameOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            String referer = request.getHeaders().get("Referer");
            if (referer == null || referer.isBlank()) {
                return origin == null || origin.isBlank();
            }
            origin = referer;
        }
        String host = request.getHeaders().get("Host");
        if (host == null) {
            return false;
        }
        String rest = origin.replaceFirst("^https?://", "");
        int slash = rest.indexOf('/');
        String originHost = slash < 0 ? rest : rest.substring(0, slash);
        return originHost.equalsIgnoreCase(host.trim());
    }

    public Cookie cookie(HttpRequest<?> request, String token) {
        return base(Cookie.of(COOKIE, token), request).maxAge(settings.sessionTtl());
    }

    public Cookie cleared(HttpRequest<?> request) {
        return base(Cookie.of(COOKIE, ""), request).maxAge(Duration.ZERO);
    }

    /**
     * The pending sign-in's cookie: SameSite=Lax, because the provider's redirect back to the
     * callback is a navigation from another site, and only under the callback's path.
     */
    public Cookie oidcPending(HttpRequest<?> request, String value, Duration ttl) {
        return Cookie.of(OIDC_COOKIE, value).httpOnly(true).sameSite(SameSite.Lax).path(OIDC_PATH)
                .secure(secure(request)).maxAge(ttl);
    }

    public Cookie oidcCleared(HttpRequest<?> request) {
        return oidcPending(request, "", Duration.ZERO);
    }

    private Cookie base(Cookie c, HttpRequest<?> request) {
        return c.httpOnly(true).sameSite(SameSite.Strict).path("/").secure(secure(request));
    }

    boolean secure(HttpRequest<?> request) {
        return switch (settings.secureCookie()) {
            case "true" -> true;
            case "false" -> false;
            default -> request.isSecure()
                    || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        };
    }
}
