package io.jeda.policy.domain.plan;

import io.jeda.common.error.JedaException;

/**
 * The free texts of plans and one-day exceptions: the officer's note and the manager's reason for
 * a rejection or a revocation, with the limits of their columns.
 */
public final class RequestTexts {

    /** Longest reason a manager may give, the size of the decision_reason column. */
    public static final int MAX_REASON_CHARS = 1000;
    /** Longest note an officer may write, the size of the note column. */
    public static final int MAX_NOTE_CHARS = 1000;

    private RequestTexts() {
    }

    /** A manager's reason: required, at most {@link #MAX_REASON_CHARS} characters, stripped. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw JedaException.invalidArgument("REASON_REQUIRED", "a reason is required", "field", "reason");
        }
        String r = reason.strip();
        if (r.length() > MAX_REASON_CHARS) {
            throw JedaException.invalidArgument("REASON_TOO_LONG",
                    "the reason may have at most " + MAX_REASON_CHARS + " characters", "field", "reason",
                    "maxChars", String.valueOf(MAX_REASON_CHARS));
        }
        return r;
    }

    /** An officer's note: optional, at most {@link #MAX_NOTE_CHARS} characters, stripped. */
    public static String note(String note) {
        String n = note == null ? "" : note.strip();
        if (n.length() > MAX_NOTE_CHARS) {
            throw JedaException.invalidArgument("NOTE_TOO_LONG",
                    "the note may have at most " + MAX_NOTE_CHARS + " characters", "field", "note",
                    "maxChars", String.valueOf(MAX_NOTE_CHARS));
        }
        return n;
    }
}
