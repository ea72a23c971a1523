package io.jeda.common.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception type domain code throws. It carries what a caller needs to act on the
 * failure (a kind, a stable reason code, the values involved) and is mapped to a gRPC status
 * with {@code google.rpc.ErrorInfo} (or an HTTP problem body) at the edge.
 */
public class JedaException extends RuntimeException {

    private final ErrorKind kind;
    private final String reason;
    private final Map<String, String> metadata;
    private final List<Violation> violations;

    public JedaException(ErrorKind kind, String reason, String message, Map<String, String> metadata,
                         List<Violation> violations) {
        super(Echo.message(message), null, false, false);
        this.kind = kind;
        this.reason = reason;
        Map<String, String> bounded = new LinkedHashMap<>();
        metadata.forEach((k, v) -> bounded.put(k, Echo.value(v)));
        this.metadata = MetadataKeys.normalize(bounded);
        this.violations = bounded(violations);
    }

    /** At most {@link Echo#MAX_VIOLATIONS}, each cut to {@link Echo#MAX_VALUE_CHARS}; the rest counted. */
    private static List<Violation> bounded(List<Violation> violations) {
        java.util.ArrayList<Violation> out = new java.util.ArrayList<>();
        for (Violation v : violations) {
            if (out.size() == Echo.MAX_VIOLATIONS) {
                out.add(new Violation("MORE_VIOLATIONS", "", (violations.size() - Echo.MAX_VIOLATIONS)
                        + " more violations are not listed"));
                break;
            }
            out.add(new Violation(v.reason(), Echo.value(v.subject()), Echo.value(v.message())));
        }
        return List.copyOf(out);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    /** The values named in the message; keys in lowerCamelCase (see {@link MetadataKeys}). */
    public Map<String, String> metadata() {
        return metadata;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Builds metadata from alternating keys and values. */
    private static Map<String, String> meta(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("metadata needs key/value pairs");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], String.valueOf(keyValues[i + 1]));
        }
        return m;
    }

    public static JedaException of(ErrorKind kind, String reason, String message, String... keyValues) {
        return new JedaException(kind, reason, message, meta(keyValues), List.of());
    }

    public static JedaException invalidArgument(String reason, String message, String... keyValues) {
        return of(ErrorKind.INVALID_ARGUMENT, reason, message, keyValues);
    }

    /** An input field is missing or malformed; the field name goes into the metadata. */
    public static JedaException invalidField(String field, String message) {
        return of(ErrorKind.INVALID_ARGUMENT, "INVALID_FIELD", message, "field", field);
    }

    public static JedaException notFound(String resource, String name) {
        return of(ErrorKind.NOT_FOUND, resource.toUpperCase() + "_NOT_FOUND",
                resource + " " + name + " does not exist", "name", name);
    }

    public static JedaException alreadyExists(String resource, String name) {
        return of(ErrorKind.ALREADY_EXISTS, resource.toUpperCase() + "_ALREADY_EXISTS",
                resource + " " + name + " already exists", "name", name);
    }

    public static JedaException failedPrecondition(String reason, String message, String... keyValues) {
        return of(ErrorKind.FAILED_PRECONDITION, reason, message, keyValues);
    }

    public static JedaException permissionDenied(String reason, String message, String... keyValues) {
        return of(ErrorKind.PERMISSION_DENIED, reason, message, keyValues);
    }

    public static JedaException unauthenticated(String reason, String message) {
        return of(ErrorKind.UNAUTHENTICATED, reason, message);
    }

    /** Several rules broken at once; every one is reported, none hidden behind the first. */
    public static JedaException violations(ErrorKind kind, String reason, String message, List<Violation> violations) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("violations", String.join(",", violations.stream().map(Violation::reason).toList()));
        return new JedaException(kind, reason, message, m, violations);
    }
}
