package io.jeda.policy.domain.plan;

/**
 * A plan as a person sees it: the stored row plus the state shown for the officer's local today
 * (APPROVED becomes ACTIVE or EXPIRED by date), which the stored row alone cannot tell.
 */
public record PlanView(Plan plan, PlanState shownState) {
}
