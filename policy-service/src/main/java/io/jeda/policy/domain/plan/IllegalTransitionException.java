package io.jeda.policy.domain.plan;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan or a one-day exception was asked to make a move its state does not allow (approving a
 * draft, revoking an expired plan, ...). Thrown by the entities' own moves; reaches a caller as
 * FAILED_PRECONDITION with reason ILLEGAL_TRANSITION and the two states in the metadata.
 */
public final class IllegalTransitionException extends JedaException {

    private final PlanState from;
    private final PlanState to;

    public IllegalTransitionException(String name, PlanState from, PlanState to) {
        super(ErrorKind.FAILED_PRECONDITION, "ILLEGAL_TRANSITION", name + " cannot go from " + from + " to " + to,
                metadata(name, from, to), List.of());
        this.from = from;
        this.to = to;
    }

    /** The state the resource is in, as a person sees it (ACTIVE and EXPIRED included). */
    public PlanState from() {
        return from;
    }

    /** The state the refused move would have led to. */
    public PlanState to() {
        return to;
    }

    private static Map<String, String> metadata(String name, PlanState from, PlanState to) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("from", from.name());
        m.put("to", to.name());
        m.put("name", name);
        return m;
    }
}
