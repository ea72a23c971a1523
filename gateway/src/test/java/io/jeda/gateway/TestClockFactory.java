package io.jeda.gateway;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Tests run at a fixed "now": Wednesday 25 November 2026, 22:00 WIB, a working-day night. */
@Factory
@Requires(env = "test")
public class TestClockFactory {

    public static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    @Singleton
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
