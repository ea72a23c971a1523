package io.jeda.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The REST twin of {@link GrpcAssertions}: a response must be an {@code application/problem+json}
 * body with the expected HTTP status and {@code reason}, and metadata keys in lowerCamelCase.
 *
 * <pre>{@code
 * assertProblem(400, "INVALID_NIP", response).hasMetadata("part", "LENGTH");
 * }</pre>
 */
public final class ProblemAssertions {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private ProblemAssertions() {
    }

    /** The fields of a problem body. */
    public record Problem(int status, String reason, String detail, Map<String, String> metadata, Struct body) {

        public Problem hasMetadata(String key, String value) {
            assertEquals(value, metadata.get(key), "problem metadata '" + key + "' in " + metadata);
            return this;
        }

        public Problem detailContains(String text) {
            assertTrue(detail.contains(text), "problem detail '" + detail + "' does not contain '" + text + "'");
            return this;
        }
    }

    public static Problem assertProblem(int status, String reason, HttpResponse<String> response) {
        return assertProblem(status, reason, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /**
     * @param contentType the response's Content-Type header
     */
    public static Problem assertProblem(int status, String reason, int actualStatus, String contentType, String body) {
        assertEquals(status, actualStatus, "HTTP status; body " + body);
        assertTrue(contentType != null && contentType.startsWith("application/problem+json"),
                "Content-Type '" + contentType + "' is not application/problem+json; body " + body);
        Struct.Builder json = Struct.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(body, json);
        } catch (InvalidProtocolBufferException e) {
            fail("the problem body is not a JSON object: " + body, e);
        }
        Struct s = json.build();
        assertEquals(reason, string(s, "reason"), "problem reason; body " + body);
        Value st = s.getFieldsOrDefault("status", Value.getDefaultInstance());
        if (st.hasNumberValue()) {
            assertEquals(status, (int) st.getNumberValue(), "problem 'status' member; body " + body);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Value m = s.getFieldsOrDefault("metadata", Value.getDefaultInstance());
        if (m.hasStructValue()) {
            m.getStructValue().getFieldsMap().forEach((k, v) -> {
                assertTrue(KEY.matcher(k).matches(), "problem metadata key '" + k + "' is not lowerCamelCase");
                metadata.put(k, v.hasStringValue() ? v.getStringValue() : JsonFormatValue.print(v));
            });
        }
        return new Problem(status, reason, string(s, "detail"), metadata, s);
    }

    private static String string(Struct s, String field) {
        Value v = s.getFieldsOrDefault(field, Value.getDefaultInstance());
        return v.hasStringValue() ? v.getStringValue() : "";
    }

    private static final class JsonFormatValue {
        static String print(Value v) {
            try {
                return JsonFormat.printer().omittingInsignificantWhitespace().print(v);
            } catch (InvalidProtocolBufferException e) {
                return v.toString();
            }
        }
    }
}
