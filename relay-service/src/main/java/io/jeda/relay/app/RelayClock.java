package io.jeda.relay.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock: the system clock plus an offset. The offset is a setting so that a demo can
 * make "tomorrow morning" come sooner ({@code JEDA_RELAY_CLOCK_OFFSET}); tests move it with
 * {@link #advance}. Instants are kept to the millisecond, the stored precision.
 */
@Singleton
public class RelayClock {

    private final AtomicReference<Duration> offset;

    public RelayClock(@Value("${jeda.relay.clock-offset:0s}") Duration offset) {
        this.offset = new AtomicReference<>(offset);
    }

    public Instant now() {
        return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }
}
