package io.jeda.gateway.reachability;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of time [start, end) as instants. Schedules are local, but the engine compares
 * instants only, so a window that crosses local midnight (a night shift) needs no special case.
 */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " must be after start " + start);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
