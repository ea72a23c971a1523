package io.jeda.common.names;

import io.jeda.common.error.JedaException;

import java.util.regex.Pattern;

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

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

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
        String[] want = pattern.split("/");
        if (name == null || name.isEmpty()) {
            throw invalid(name, pattern, field);
        }
        String[] got = name.split("/", -1);
        if (got.length != want.length) {
            throw invalid(name, pattern, field);
        }
        String[] ids = new String[want.length / 2];
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{")) {
                if (!ID.matcher(got[i]).matches()) {
                    throw invalid(name, pattern, field);
                }
                ids[i / 2] = got[i];
            } else if (!want[i].equals(got[i])) {
                throw invalid(name, pattern, field);
            }
        }
        return ids;
    }

    /** Whether {@code id} can be one segment of a name. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
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
