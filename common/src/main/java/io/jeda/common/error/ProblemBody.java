package io.jeda.common.error;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The REST form of a {@link JedaException}: an {@code application/problem+json} body (RFC 9457)
 * with the same reason and metadata as the gRPC ErrorInfo, and the HTTP status of
 * {@link ErrorTable}. Written here once so that every REST edge sends the same fields:
 * {@code type, title, status, detail, reason, metadata} and, when several rules or fields were
 * refused at once, {@code violations}.
 *
 * @param status            the HTTP status
 * @param json              the body
 * @param retryAfterSeconds the value of a {@code Retry-After} header, when the error names one
 */
public record ProblemBody(int status, String json, OptionalLong retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static ProblemBody of(JedaException e) {
        int status = ErrorTable.httpStatus(e.kind());
        StringBuilder json = new StringBuilder("{");
        field(json, "type", "urn:jeda:problem:" + e.reason()).append(',');
        field(json, "title", e.kind().name()).append(',');
        json.append("\"status\":").append(status).append(',');
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
        OptionalLong retry = OptionalLong.empty();
        String retryMs = e.metadata().get("retryAfterMs");
        if (retryMs != null) {
            try {
                retry = OptionalLong.of(Math.max(1, (Long.parseLong(retryMs) + 999) / 1000));
            } catch (NumberFormatException ignored) {
                // A value we cannot read gives no header rather than a failed error response.
            }
        }
        return new ProblemBody(status, json.toString(), retry);
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return quote(json, name).append(':').append(value == null ? "null" : quote(new StringBuilder(), value));
    }

    /** A JSON string literal of {@code s}. */
    public static StringBuilder quote(StringBuilder out, String s) {
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
