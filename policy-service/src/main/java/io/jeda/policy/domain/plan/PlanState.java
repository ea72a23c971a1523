package io.jeda.policy.domain.plan;

/** Stored and derived life-cycle states of plans and one-day exceptions. */
public enum PlanState {
    DRAFT, SUBMITTED, APPROVED, REJECTED, ACTIVE, EXPIRED, REVOKED
}
