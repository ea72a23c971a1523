package io.jeda.gateway.http;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.gateway.v1.Problem;
import io.jeda.gateway.v1.ProblemViolation;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/**
 * The REST API's error answers: a {@link Problem} (written by {@link ProtoBodyHandler} like every
 * other message) with the gRPC reason code and values, the HTTP status that matches the gRPC code,
 * {@code Retry-After} when the reason says when to retry, and {@code WWW-Authenticate} on 401.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 6750's challenge; {@code error="invalid_token"} when a token was sent but refused. */
    private static final String CHALLENGE = "Bearer realm=\"jeda\"";

    private Problems() {
    }

    public static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            // The request was well formed but the resource's state refuses it (already checked in, plan
            // not SUBMITTED): a conflict the client resolves by reading the state again.
            case ALREADY_EXISTS, FAILED_PRECONDITION -> HttpStatus.CONFLICT;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case RESOURCE_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
            // A service behind the gateway did not answer (down or past its deadline): retry later.
            case UNAVAILABLE, DEADLINE_EXCEEDED -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** The problem body of a failure. */
    public static Problem body(JedaException e) {
        return body(status(e.kind()), e.kind().name(), e.reason(), e.getMessage(), e.metadata())
                .addAllViolations(e.violations().stream().map(Problems::violation).toList()).build();
    }

    static Problem.Builder body(HttpStatus status, String title, String reason, String detail,
                                Map<String, String> metadata) {
        return Problem.newBuilder().setType("urn:jeda:problem:" + reason).setTitle(title).setStatus(status.getCode())
                .setDetail(detail == null ? reason : detail).setReason(reason).putAllMetadata(metadata);
    }

    private static ProblemViolation violation(Violation v) {
        return ProblemViolation.newBuilder().setReason(v.reason()).setSubject(v.subject() == null ? "" : v.subject())
                .setMessage(v.message() == null ? "" : v.message()).build();
    }

    public static MutableHttpResponse<Problem> of(JedaException e) {
        Problem p = body(e);
        MutableHttpResponse<Problem> r = HttpResponse.<Problem>status(status(e.kind())).body(p);
        headers(r, p);
        return r.contentType(MEDIA_TYPE);
    }

    /** Retry-After from the reason's retry value, WWW-Authenticate on 401. */
    static void headers(MutableHttpResponse<?> r, Problem p) {
        String retry = p.getMetadataMap().getOrDefault("retryAfterMs", p.getMetadataMap().get("retry_after_ms"));
        if (retry != null) {
            long seconds = Math.max(1, (Long.parseLong(retry) + 999) / 1000);
            r.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        if (p.getStatus() == HttpStatus.UNAUTHORIZED.getCode()) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "MISSING_TOKEN".equals(p.getReason()) ? CHALLENGE
                    : CHALLENGE + ", error=\"invalid_token\"");
        }
    }
}
