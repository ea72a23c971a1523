package io.jeda.testing;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one way tests assert that a gRPC call failed as a client would see it: the status code, the
 * {@code google.rpc.ErrorInfo} reason and, where it matters, its metadata. Every failure checked
 * here must also keep the error contract: reason in UPPER_SNAKE_CASE, metadata keys in
 * lowerCamelCase.
 *
 * <pre>{@code
 * assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME", () -> stub.getOfficer(request))
 *         .hasMetadata("field", "name");
 * }</pre>
 */
public final class GrpcAssertions {

    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private GrpcAssertions() {
    }

    /** What a failed call said, for further checks. */
    public record Failure(StatusRuntimeException exception, ErrorInfo errorInfo) {

        public Status status() {
            return exception.getStatus();
        }

        public String reason() {
            return errorInfo.getReason();
        }

        public Map<String, String> metadata() {
            return errorInfo.getMetadataMap();
        }

        /** A metadata value, or "" when the key is absent. */
        public String metadata(String key) {
            return errorInfo.getMetadataOrDefault(key, "");
        }

        public Failure hasMetadata(String key, String value) {
            assertTrue(errorInfo.containsMetadata(key),
                    "ErrorInfo metadata has no '" + key + "': " + errorInfo.getMetadataMap());
            assertEquals(value, errorInfo.getMetadataOrThrow(key), "ErrorInfo metadata '" + key + "'");
            return this;
        }

        public Failure hasMetadataKey(String key) {
            assertTrue(errorInfo.containsMetadata(key),
                    "ErrorInfo metadata has no '" + key + "': " + errorInfo.getMetadataMap());
            return this;
        }

        /** The types of the PreconditionFailure violations, in order. */
        public Failure hasViolations(String... types) {
            assertEquals(List.of(types), GrpcErrors.violationTypes(exception), "precondition violations");
            return this;
        }

        public Failure messageContains(String text) {
            String d = exception.getStatus().getDescription();
            assertTrue(d != null && d.contains(text), "status message '" + d + "' does not contain '" + text + "'");
            return this;
        }
    }

    /**
     * Runs the call, which must fail with {@code code} and an ErrorInfo of {@code reason}.
     *
     * @return the failure, for checks of metadata
     */
    public static Failure assertFails(Status.Code code, String reason, Executable call) {
        Failure f = assertFails(code, call);
        assertEquals(reason, f.reason(), "ErrorInfo reason of " + f.status());
        return f;
    }

    /** Runs the call, which must fail with {@code code} and carry an ErrorInfo (of any reason). */
    public static Failure assertFails(Status.Code code, Executable call) {
        StatusRuntimeException e = failureOf(call);
        assertEquals(code, e.getStatus().getCode(), "status of the call: " + e.getStatus());
        ErrorInfo info = GrpcErrors.errorInfo(e).orElse(null);
        if (info == null) {
            fail("the failure carries no google.rpc.ErrorInfo: " + e.getStatus());
        }
        assertContract(info);
        return new Failure(e, info);
    }

    /** Reason UPPER_SNAKE_CASE, metadata keys lowerCamelCase, domain set. */
    public static void assertContract(ErrorInfo info) {
        assertTrue(REASON.matcher(info.getReason()).matches(),
                "ErrorInfo reason '" + info.getReason() + "' is not UPPER_SNAKE_CASE");
        for (String key : info.getMetadataMap().keySet()) {
            assertTrue(KEY.matcher(key).matches(), "ErrorInfo metadata key '" + key + "' is not lowerCamelCase");
        }
        assertTrue(!info.getDomain().isEmpty(), "ErrorInfo has no domain");
    }

    private static StatusRuntimeException failureOf(Executable call) {
        try {
            call.execute();
        } catch (StatusRuntimeException e) {
            return e;
        } catch (StatusException e) {
            return new StatusRuntimeException(e.getStatus(), e.getTrailers());
        } catch (Throwable t) {
            fail("expected a failed gRPC call, got " + t, t);
        }
        return fail("expected a failed gRPC call, but it succeeded");
    }
}
