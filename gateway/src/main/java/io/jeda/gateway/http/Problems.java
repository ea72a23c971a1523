package io.jeda.gateway.http;

import io.jeda.common.error.JedaException;
import io.jeda.common.error.ProblemBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * The REST API's error answers: common's {@link ProblemBody} (the gRPC reason and values, the HTTP
 * status of common's error table) with {@code Retry-After} when the error says when to retry, and
 * RFC 6750's {@code WWW-Authenticate} challenge on 401.
 */
public final class Problems {

    public static final String MEDIA_TYPE = ProblemBody.MEDIA_TYPE;
    private static final String CHALLENGE = "Bearer realm=\"jeda\"";

    private Problems() {
    }

    public static MutableHttpResponse<String> of(JedaException e) {
        ProblemBody p = ProblemBody.of(e);
        MutableHttpResponse<String> r = HttpResponse.<String>status(HttpStatus.valueOf(p.status())).body(p.json())
                .contentType(MEDIA_TYPE);
        p.retryAfterSeconds().ifPresent(s -> r.header(HttpHeaders.RETRY_AFTER, String.valueOf(s)));
        if (p.status() == HttpStatus.UNAUTHORIZED.getCode()) {
            // A missing token gets the bare challenge; a token that was sent and refused says so.
            r.header(HttpHeaders.WWW_AUTHENTICATE, "MISSING_TOKEN".equals(e.reason()) ? CHALLENGE
                    : CHALLENGE + ", error=\"invalid_token\"");
        }
        return r;
    }
}
