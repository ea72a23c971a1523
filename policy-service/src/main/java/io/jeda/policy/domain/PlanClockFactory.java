package io.jeda.policy.domain;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock that decides "today" for plans and exceptions. It is a bean so that tests can pin the
 * date; it steps aside when the application (or a test) already provides a Clock.
 */
@Factory
public class PlanClockFactory {

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
