package io.jeda.policy.persistence;

import io.jeda.policy.domain.plan.PlanTransition;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** The append-only history of plan state changes. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PlanTransitionRepository extends CrudRepository<PlanTransition, Long> {

    List<PlanTransition> findByPlanIdOrderById(String planId);

    /** One page of a plan's history, oldest first. */
    @Query("SELECT * FROM plan_transition WHERE plan_id = :planId ORDER BY id LIMIT :limit OFFSET :offset")
    List<PlanTransition> listByPlan(String planId, int limit, long offset);
}
