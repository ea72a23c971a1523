package io.jeda.policy.domain;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Provides the clock that decides "today" for schedules, so that tests (or another part of the
 * service) can supply their own and a default date can be checked without waiting for midnight.
 */
@Factory
public class ScheduleClockFactory {

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
