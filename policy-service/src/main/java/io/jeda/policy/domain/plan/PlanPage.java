package io.jeda.policy.domain.plan;

import java.util.List;

/** One page of a listing of plans, their transitions or exceptions, with the token of the next page. */
public record PlanPage<T>(List<T> items, String nextPageToken) {
}
