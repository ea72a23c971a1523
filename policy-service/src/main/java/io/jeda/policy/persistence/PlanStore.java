package io.jeda.policy.persistence;

import io.jeda.common.sql.SqlErrors;
import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.plan.PlanTransition;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * Writes a new plan with the first row of its history, and decides a retried create: the
 * UNIQUE(officer_nip, request_id) key lets one create per client-made key through, so a retry that
 * hits it gets the plan the first request made.
 */
@Singleton
public class PlanStore {

    /** The unique key of the schema that makes a create with a request id idempotent. */
    static final String REQUEST_KEY = "fwa_plan_request";

    private final PlanRepository plans;
    private final PlanTransitionRepository transitions;
    private final TransactionOperations<Connection> tx;

    public PlanStore(PlanRepository plans, PlanTransitionRepository transitions, TransactionOperations<Connection> tx) {
        this.plans = plans;
        this.transitions = transitions;
        this.tx = tx;
    }

    /** What a create came to: the plan stored now, or the one an earlier request with the same key stored. */
    public sealed interface Created permits Stored, Replayed {
        Plan plan();
    }

    /** The plan was stored by this request. */
    public record Stored(Plan plan) implements Created {
    }

    /** A request with the same key stored this plan before. */
    public record Replayed(Plan plan) implements Created {
    }

    /** Stores the plan and its creation in one transaction. */
    public Created create(Plan plan, PlanTransition creation) {
        try {
            tx.executeWrite(status -> {
                plans.save(plan);
                transitions.save(creation);
                return null;
            });
            return new Stored(plan);
        } catch (DataAccessException e) {
            if (plan.requestId() != null && SqlErrors.isDuplicateKey(e, REQUEST_KEY)) {
                return plans.findByOfficerNipAndRequestId(plan.officerNip(), plan.requestId())
                        .<Created>map(Replayed::new).orElseThrow(() -> e);
            }
            throw e;
        }
    }
}
