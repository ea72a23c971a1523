package io.jeda.policy.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock that decides "now" and "today" for every rule of the service. It is a bean so that tests
 * can pin the date; it steps aside when a test already provides a Clock.
 */
@Factory
public class SystemClockFactory {

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
