package io.jeda.policy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the plan tests can set, so that "the officer's local today" (ACTIVE, EXPIRED, dates in the
 * past, the time-zone boundary) is a fact of the test rather than of the day it runs. Only tests that
 * set {@code jeda.test.plan-clock=true} get it; every other test keeps the real clock.
 */
public final class PlanTestClock extends Clock {

    public static final PlanTestClock INSTANCE = new PlanTestClock();

    private volatile Instant now = Instant.parse("2026-03-02T01:00:00Z");

    private PlanTestClock() {
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Provides the settable clock to the application under test. */
    @Factory
    @Requires(property = "jeda.test.plan-clock", value = "true")
    static class Provider {
        @Singleton
        @Primary
        Clock planTestClock() {
            return INSTANCE;
        }
    }
}
