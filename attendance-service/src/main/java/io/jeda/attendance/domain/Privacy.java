package io.jeda.attendance.domain;

import io.jeda.common.security.Caller;

/** Who sees what of an officer's attendance beyond the right to read it. */
public final class Privacy {

    private Privacy() {
    }

    /** Whether the caller may see the officer's raw positions: only the officer themself. */
    public static boolean maySeePositions(Caller caller, String nip) {
        return caller.subject().equals(nip);
    }
}
