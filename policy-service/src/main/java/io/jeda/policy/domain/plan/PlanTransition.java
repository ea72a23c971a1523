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
}
