package io.jeda.policy.domain.schedule;

import java.util.List;

/**
 * The answer to a batch question about many officers: the schedules of those found, in the order
 * asked, and the officers that do not exist, so a caller can tell "no data" from "no officer".
 */
public record ScheduleBatch(List<EffectiveDay> schedules, List<String> notFound) {

    public ScheduleBatch {
        schedules = List.copyOf(schedules);
        notFound = List.copyOf(notFound);
    }
}
