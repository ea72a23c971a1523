package io.jeda.attendance.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Runs the end-of-day rule periodically; switched off in tests, which call {@link EndOfDay} directly. */
@Singleton
@Requires(property = "jeda.attendance.end-of-day.enabled", notEquals = "false")
public class EndOfDayJob {

    private final EndOfDay endOfDay;
    private final Clock clock;

    public EndOfDayJob(EndOfDay endOfDay, Clock clock) {
        this.endOfDay = endOfDay;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${jeda.attendance.end-of-day.interval:5m}",
            initialDelay = "${jeda.attendance.end-of-day.initial-delay:1m}")
    void run() {
        endOfDay.closeForgottenCheckOuts(clock.instant());
    }
}
