package io.jeda.gateway.http;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/**
 * JSON problem bodies ({@code type, title, status, detail, reason, metadata}, plus {@code violations}
 * when several rules or fields were refused at once) for REST errors, with the same reason codes as
 * the gRPC ErrorInfo and the HTTP status that matches the gRPC code.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

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

    public static MutableHttpResponse<String> of(JedaException e) {
        HttpStatus status = status(e.kind());
        StringBuilder json = new StringBuilder("{");
        field(json, "type", "urn:jeda:problem:" + e.reason()).append(',');
        field(json, "title", e.kind().name()).append(',');
        json.append("\"status\":").append(status.getCode()).append(',');
        field(json, "detail", e.getMessage() == null ? e.reason() : e.getMessage()).append(',');
        field(json, "reason", e.reason()).append(",\"metadata\":{");
        boolean first = true;
        for (Map.Entry<String, String> m : e.metadata().entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            field(json, m.getKey(), m.getValue());
        }
        json.append('}');
        if (!e.violations().isEmpty()) {
            json.append(",\"violations\":[");
            for (int i = 0; i < e.violations().size(); i++) {
                Violation v = e.violations().get(i);
                json.append(i == 0 ? "{" : ",{");
                field(json, "reason", v.reason()).append(',');
                field(json, "subject", v.subject()).append(',');
                field(json, "message", v.message()).append('}');
            }
            json.append(']');
        }
        json.append('}');
        MutableHttpResponse<String> r = HttpResponse.<String>status(status).body(json.toString())
                .contentType(MEDIA_TYPE);
        String retry = e.metadata().get("retry_after_ms");
        if (retry != null) {
            long seconds = Math.max(1, (Long.parseLong(retry) + 999) / 1000);
            r.header("Retry-After", String.valueOf(seconds));
        }
        return r;
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return quote(json, name).append(':').append(value == null ? "null" : quote(new StringBuilder(), value));
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
