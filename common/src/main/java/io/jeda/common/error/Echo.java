package io.jeda.common.error;

/**
 * How much of a caller's own input a failure may repeat back. A failure's message, its ErrorInfo
 * values and its violations travel in gRPC trailers, which clients accept up to 8 KiB by default (a
 * larger answer reaches them as INTERNAL), and in REST problem bodies; a 100,000-character name must
 * not come back whole. Every {@link JedaException} is cut to these bounds when it is made, and the
 * gRPC edge cuts any other status description the same way, so no code that raises an error has to
 * remember it. A cut value ends with {@code ...(N more characters)}.
 *
 * <pre>
 * what                                  at most
 * the message (gRPC description, REST detail)   {@value #MAX_MESSAGE_CHARS} characters
 * each ErrorInfo metadata value                 {@value #MAX_VALUE_CHARS} characters
 * each violation's subject and message          {@value #MAX_VALUE_CHARS} characters
 * violations reported                           {@value #MAX_VIOLATIONS} (the count of the rest is said)
 * </pre>
 */
public final class Echo {

    public static final int MAX_MESSAGE_CHARS = 400;
    public static final int MAX_VALUE_CHARS = 120;
    public static final int MAX_VIOLATIONS = 20;

    private Echo() {
    }

    /** {@code s} cut to {@code max} characters (never in the middle of a surrogate pair), or as it is. */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int keep = max;
        if (keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        return s.substring(0, keep) + "...(" + (s.length() - keep) + " more characters)";
    }

    public static String message(String s) {
        return cut(s, MAX_MESSAGE_CHARS);
    }

    public static String value(String s) {
        return cut(s, MAX_VALUE_CHARS);
    }
}
