package io.jeda.policy.domain;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock that decides "now" for the roster rules (the default instant of "who is on call",
 * the start of a cap check). A bean so that tests and other parts can supply their own.
 */
@Factory
public class RosterClockFactory {

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
