package io.jeda.common.names;

import io.jeda.common.error.JedaException;

/**
 * Parses resource names against their pattern (AIP-122), for the name types of this package, so that
 * every service refuses a malformed name the same way: INVALID_ARGUMENT, reason
 * {@value #INVALID_NAME}, metadata {@code field} (the request field) and {@code expected} (the
 * pattern), and a message that quotes what was given.
 * <p>
 * An id segment is 1 to 128 characters of letters, digits and {@code - . _ ~} (the unreserved URL
 * characters, so a name is also a path without encoding); it never contains {@code /}.
 */
public final class ResourceNames {

    /** The one reason for a name that does not match its pattern, in every service. */
    public static final String INVALID_NAME = "INVALID_NAME";

    /** The longest id segment. */
    private static final int MAX_ID = 128;

    private ResourceNames() {
    }

    /**
     * The ids of {@code name}, in the order of the pattern's variables.
     *
     * @param pattern for example {@code officers/{nip}/absences/{id}}
     * @param field   the request field the name came from, for the error
     * @throws JedaException INVALID_ARGUMENT, reason {@value #INVALID_NAME}
     */
    public static String[] parse(String name, String pattern, String field) {
        if (name == null || name.isEmpty()) {
            throw invalid(name, pattern, field);
        }
        // Walks the name and the pattern segment by segment, without splitting either: every
        // question to the gateway names an officer, so this runs once per call on the hot path.
        int variables = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{') {
                variables++;
            }
        }
        String[] ids = new String[variables];
        int n = 0;
        int at = 0;
        int from = 0;
        while (from <= pattern.length()) {
            int end = pattern.indexOf('/', from);
            if (end < 0) {
                end = pattern.length();
            }
            int gotEnd = at <= name.length() ? name.indexOf('/', at) : -1;
            if (at > name.length()) {
                throw invalid(name, pattern, field);
            }
            if (gotEnd < 0) {
                gotEnd = name.length();
            }
            if (pattern.charAt(from) == '{') {
                if (!isId(name, at, gotEnd)) {
                    throw invalid(name, pattern, field);
                }
                ids[n++] = name.substring(at, gotEnd);
            } else if (gotEnd - at != end - from || !name.regionMatches(at, pattern, from, end - from)) {
                throw invalid(name, pattern, field);
            }
            at = gotEnd + 1;
            from = end + 1;
        }
        if (at <= name.length()) { // the name has more segments than the pattern
            throw invalid(name, pattern, field);
        }
        return ids;
    }

    /** Whether {@code id} can be one segment of a name. */
    public static boolean isId(String id) {
        return id != null && isId(id, 0, id.length());
    }

    /** Whether {@code s} from {@code from} to {@code to} (exclusive) is 1 to 128 id characters. */
    private static boolean isId(String s, int from, int to) {
        if (to <= from || to - from > MAX_ID) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** An id given to build a name with must itself be a valid segment. */
    static String requireId(String id, String pattern, String field) {
        if (!isId(id)) {
            throw invalid(id, pattern, field);
        }
        return id;
    }

    /** The error for a malformed name; public for the rare name checked by hand (a date segment). */
    public static JedaException invalid(String name, String pattern, String field) {
        return JedaException.invalidArgument(INVALID_NAME,
                field + " must be " + pattern + ", got '" + (name == null ? "" : name) + "'",
                "field", field, "expected", pattern);
    }
}
