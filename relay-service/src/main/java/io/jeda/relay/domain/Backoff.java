package io.jeda.relay.domain;

import java.time.Duration;

/** Exponential back-off for webhook sends: first, twice that, four times, ... never above the cap. */
public record Backoff(Duration first, Duration cap, int maxAttempts) {

    /** The wait after the given failed attempt (1-based). */
    public Duration after(int attempt) {
        long millis = first.toMillis();
        for (int i = 1; i < attempt && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /** Whether a send that failed for the given time (1-based) is the last one tried. */
    public boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }
}
