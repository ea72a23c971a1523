package io.jeda.gateway.client;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.ErrorTable;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.common.grpc.GrpcErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the failure of a call forwarded to policy-service or attendance-service back into the
 * {@link JedaException} it was made from, so that the REST caller gets the same reason code, values
 * and refused rules the service sent (as a problem body, through the gateway's exception handler).
 * When the service itself did not answer (down, or past the deadline) the reason says which
 * service, for example {@code ATTENDANCE_UNAVAILABLE} or {@code POLICY_TIMEOUT}.
 */
public final class DownstreamErrors {

    /** How common's StatusMapper writes a field violation: "REASON: message". */
    private static final Pattern REASON_PREFIX = Pattern.compile("^([A-Z][A-Z0-9_]*): (.*)$", Pattern.DOTALL);

    private DownstreamErrors() {
    }

    /**
     * @param service the service called, for example {@code attendance-service}
     */
    public static JedaException of(String service, StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        Optional<ErrorInfo> info = GrpcErrors.errorInfo(e);
        String prefix = service.replace("-service", "").toUpperCase().replace('-', '_');
        if (code == Status.Code.DEADLINE_EXCEEDED && info.isEmpty()) {
            return JedaException.of(ErrorKind.DEADLINE_EXCEEDED, prefix + "_TIMEOUT",
                    service + " did not answer within the gateway's deadline; try again", "source", service);
        }
        if (code == Status.Code.UNAVAILABLE && info.isEmpty()) {
            return JedaException.of(ErrorKind.UNAVAILABLE, prefix + "_UNAVAILABLE",
                    service + " is not reachable; try again", "source", service);
        }
        ErrorKind kind = ErrorTable.kindOf(code);
        String reason = info.map(ErrorInfo::getReason).filter(r -> !r.isEmpty())
                .orElse(kind == ErrorKind.INTERNAL ? prefix + "_ERROR" : code.name());
        Map<String, String> metadata = new LinkedHashMap<>();
        info.ifPresent(i -> metadata.putAll(i.getMetadataMap()));
        if (kind == ErrorKind.INTERNAL) {
            // Nothing from an unexpected failure is repeated but the incident id the service logged.
            metadata.keySet().retainAll(List.of("incident"));
            metadata.put("source", service);
            return new JedaException(kind, reason, service + " failed; try again later", metadata, List.of());
        }
        String message = e.getStatus().getDescription() == null ? reason : e.getStatus().getDescription();
        return new JedaException(kind, reason, message, metadata, violations(e));
    }

    /** The field violations (BadRequest) and refused rules (PreconditionFailure) the service reported. */
    static List<Violation> violations(StatusRuntimeException e) {
        List<Violation> out = new ArrayList<>();
        for (BadRequest br : GrpcErrors.details(e, BadRequest.class)) {
            for (BadRequest.FieldViolation v : br.getFieldViolationsList()) {
                Matcher m = REASON_PREFIX.matcher(v.getDescription());
                out.add(m.matches() ? new Violation(m.group(1), v.getField(), m.group(2))
                        : new Violation("INVALID_FIELD", v.getField(), v.getDescription()));
            }
        }
        for (PreconditionFailure pf : GrpcErrors.details(e, PreconditionFailure.class)) {
            for (PreconditionFailure.Violation v : pf.getViolationsList()) {
                out.add(new Violation(v.getType(), v.getSubject(), v.getDescription()));
            }
        }
        return out;
    }
}
