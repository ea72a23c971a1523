package io.jeda.bench;

import java.util.Map;

/** The check-in load driver; needs the attendance API. */
final class CheckInLoad {

    private CheckInLoad() {
    }

    static void run(Map<String, String> opt) {
        throw new UnsupportedOperationException("check-in load needs attendance-service");
    }
}
