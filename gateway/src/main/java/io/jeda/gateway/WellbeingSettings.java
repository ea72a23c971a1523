package io.jeda.gateway;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of the wellbeing report ({@code jeda.gateway.wellbeing.*}): how long each source may
 * take before its part is reported missing, which reachability states count as "after hours", and
 * how many on-call slots one roster may contribute to a month.
 */
@Singleton
public class WellbeingSettings {

    private final Duration sourceDeadline;
    private final List<String> afterHoursStates;
    private final int maxSlotsPerRoster;

    public WellbeingSettings(@Value("${jeda.gateway.wellbeing.source-deadline:8s}") Duration sourceDeadline,
                             @Value("${jeda.gateway.wellbeing.after-hours-states:OFF_DUTY,ON_CALL,ON_LEAVE,HOLIDAY}")
                             String afterHoursStates,
                             @Value("${jeda.gateway.wellbeing.max-slots-per-roster:2000}") int maxSlotsPerRoster) {
        this.sourceDeadline = sourceDeadline;
        this.afterHoursStates = Arrays.stream(afterHoursStates.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        this.maxSlotsPerRoster = maxSlotsPerRoster;
    }

    /** How long the report waits for each source (they are asked at the same time). */
    public Duration sourceDeadline() {
        return sourceDeadline;
    }

    /** Reachability states (as the audit log records them) in which a question counts as after hours. */
    public List<String> afterHoursStates() {
        return afterHoursStates;
    }

    /** The most on-call slots read from one roster for one month (a roster of 1-hour turns has 744). */
    public int maxSlotsPerRoster() {
        return maxSlotsPerRoster;
    }
}
