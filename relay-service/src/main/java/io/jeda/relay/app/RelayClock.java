package io.jeda.relay.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock: the system clock, unless a demo sets it otherwise. A demo may start it at a
 * chosen instant ({@code JEDA_RELAY_CLOCK_START}, e.g. {@code 22:00}: the next 22:00 in
 * {@code JEDA_RELAY_CLOCK_ZONE}), move it by an offset ({@code JEDA_RELAY_CLOCK_OFFSET}) and run it
 * faster ({@code JEDA_RELAY_CLOCK_SPEED}, e.g. 60: an hour passes in a minute), so that "tomorrow
 * morning" comes soon. Tests move it with {@link #advance}. Instants are kept to the millisecond, the
 * stored precision.
 */
@Singleton
public class RelayClock {

    private final AtomicReference<Duration> offset;
    private final Instant origin = Instant.now();
    private final double speed;

    public RelayClock(@Value("${jeda.relay.clock-offset:0s}") Duration offset,
                      @Value("${jeda.relay.clock-speed:1}") double speed,
                      @Value("${jeda.relay.clock-start:}") String start,
                      @Value("${jeda.relay.clock-zone:Asia/Jakarta}") String zone) {
        if (!(speed > 0) || speed > 3600) {
            throw new IllegalArgumentException("jeda.relay.clock-speed must be above 0 and at most 3600: " + speed);
        }
        this.speed = speed;
        this.offset = new AtomicReference<>(offset.plus(startOffset(start, ZoneId.of(zone), origin)));
    }

    public Instant now() {
        Duration elapsed = Duration.between(origin, Instant.now());
        Duration run = speed == 1 ? elapsed : Duration.ofNanos((long) (elapsed.toNanos() * speed));
        return origin.plus(run).plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Whether this clock differs from the system clock (a demo or a test): then the questions to the
     * reachability engine name the instant, so that its answers follow this clock.
     */
    public boolean moved() {
        return speed != 1 || !offset.get().isZero();
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** From now to {@code start}: an ISO instant, or a local time whose next occurrence in the zone is meant. */
    static Duration startOffset(String start, ZoneId zone, Instant now) {
        if (start == null || start.isBlank()) {
            return Duration.ZERO;
        }
        if (start.contains("T")) {
            return Duration.between(now, Instant.parse(start.trim()));
        }
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.with(LocalTime.parse(start.trim()));
        if (!at.isAfter(local)) {
            at = at.plusDays(1);
        }
        return Duration.between(now, at.toInstant());
    }
}
