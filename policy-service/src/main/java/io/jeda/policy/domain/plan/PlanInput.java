package io.jeda.policy.domain.plan;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What an officer writes into a plan, as the domain receives it from the API: on create every
 * field is given; on update only the fields named by the mask are read. A day whose start is null
 * takes the position's default start.
 */
public record PlanInput(@Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable List<PlanDay> days,
                        @Nullable String note) {
}
