package io.jeda.policy.domain.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An FWA plan: an officer's weekly pattern over a period of local dates.
 *
 * @param days  the weekly pattern encoded by {@link PlanDay#encode}
 * @param state the stored state (never ACTIVE or EXPIRED; those are derived by {@link #stateOn})
 */
@MappedEntity("fwa_plan")
public record Plan(@Id String id, String officerNip, LocalDate startDate, LocalDate endDate, String days,
                   PlanState state, String note, String decisionReason, @Nullable String requestId,
                   Instant createdAt, Instant updatedAt, long version) {

    /** The state as a person sees it on a local date: an approved plan is ACTIVE or EXPIRED by date. */
    public PlanState stateOn(LocalDate today) {
        if (state != PlanState.APPROVED) {
            return state;
        }
        if (today.isAfter(endDate)) {
            return PlanState.EXPIRED;
        }
        return today.isBefore(startDate) ? PlanState.APPROVED : PlanState.ACTIVE;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
