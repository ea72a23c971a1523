package io.jeda.gateway.http;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.app.Person;
import io.jeda.gateway.security.RateLimiter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The REST twin of common's gRPC AuthInterceptor plus the rate limit: verifies the bearer JWT with
 * the same {@link TokenService}, takes a token from the caller's bucket, and hands the caller to
 * the controllers as a request attribute. Only {@code /v1/**} is guarded; {@code /health} stays open
 * for probes.
 */
@ServerFilter("/v1/**")
public class AuthFilter {

    static final String CALLER = "jeda.caller";
    static final String TOKEN = "jeda.token";

    private final TokenService tokens;
    private final RateLimiter limiter;

    public AuthFilter(TokenService tokens, RateLimiter limiter) {
        this.tokens = tokens;
        this.limiter = limiter;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        try {
            String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
            if (header == null || header.isBlank()) {
                throw JedaException.unauthenticated("MISSING_TOKEN",
                        "this call needs an Authorization: Bearer <token> header");
            }
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw JedaException.unauthenticated("INVALID_TOKEN", "the Authorization header must be Bearer <token>");
            }
            String token = header.substring(7).trim();
            Caller caller = tokens.verify(token);
            limiter.acquire(caller.subject());
            request.setAttribute(CALLER, caller);
            request.setAttribute(TOKEN, token);
            return null;
        } catch (JedaException e) {
            return Problems.of(e);
        }
    }

    /** The verified caller of a {@code /v1/**} request with the token they presented. */
    static Person person(HttpRequest<?> request) {
        return new Person(caller(request), token(request));
    }

    /** The verified caller of a {@code /v1/**} request. */
    public static Caller caller(HttpRequest<?> request) {
        return request.getAttribute(CALLER, Caller.class).orElseThrow(() ->
                JedaException.unauthenticated("MISSING_TOKEN", "this call needs a bearer token"));
    }

    /**
     * The verified bearer token of a {@code /v1/**} request, for calls that pass the caller's own
     * identity on to the services behind the gateway.
     */
    public static String token(HttpRequest<?> request) {
        return request.getAttribute(TOKEN, String.class).orElseThrow(() ->
                JedaException.unauthenticated("MISSING_TOKEN", "this call needs a bearer token"));
    }
}
