package io.jeda.policy.domain.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A recorded state change of a plan: who, when, from, to and why. Never updated. */
@MappedEntity("plan_transition")
public record PlanTransition(@Id @GeneratedValue @Nullable Long id, String planId, PlanState fromState,
                             PlanState toState, String actor, Instant occurredAt, String reason) {

    /**
     * The creation of a plan, recorded as DRAFT -> DRAFT: there is no state before a plan exists,
     * and DRAFT -> DRAFT says "came into being as a draft" without inventing one.
     */
    public static PlanTransition created(Plan plan, String actor) {
        return new PlanTransition(null, plan.id(), PlanState.DRAFT, PlanState.DRAFT, actor, plan.createdAt(), "");
    }

    /** The move from {@code before} to {@code after} (the result of one of the plan's moves). */
    public static PlanTransition between(Plan before, Plan after, String actor) {
        return new PlanTransition(null, after.id(), before.state(), after.state(), actor, after.updatedAt(),
                after.decisionReason());
    }
}
