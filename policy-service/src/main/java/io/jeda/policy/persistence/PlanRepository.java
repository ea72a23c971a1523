package io.jeda.policy.persistence;

import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.plan.PlanState;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** FWA plans. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PlanRepository extends CrudRepository<Plan, String> {

    /** Plans of the officers in a given stored state that overlap [from, to]. */
    List<Plan> findByOfficerNipInAndStateAndStartDateLessThanEqualsAndEndDateGreaterThanEquals(
            Collection<String> nips, PlanState state, LocalDate to, LocalDate from);

    /** The plan a create request with this client-made key already made, if any. */
    Optional<Plan> findByOfficerNipAndRequestId(String officerNip, String requestId);

    /**
     * Moves a plan from one stored state to another only if it is still in the expected state, so
     * that two concurrent decisions cannot both succeed. Returns the number of rows changed (0 or 1).
     */
    @Query("UPDATE fwa_plan SET state = :toState, decision_reason = :reason, updated_at = :now, version = version + 1"
            + " WHERE id = :id AND state = :fromState")
    int updateStateIfCurrent(String id, String fromState, String toState, String reason, Instant now);

    /**
     * Rewrites the editable fields of a plan that is still a DRAFT; 0 when it no longer is. updated_at
     * is left alone: the API defines it as the time of the last change of state.
     */
    @Query("UPDATE fwa_plan SET start_date = :startDate, end_date = :endDate, days = :days, note = :note,"
            + " version = version + 1 WHERE id = :id AND state = 'DRAFT'")
    int updateDraft(String id, LocalDate startDate, LocalDate endDate, String days, String note);

    /** One page of an officer's plans, newest first. */
    @Query("SELECT * FROM fwa_plan WHERE officer_nip = :officerNip"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<Plan> listByOfficer(String officerNip, int limit, long offset);

    /** One page of an officer's plans in one stored state, newest first. */
    @Query("SELECT * FROM fwa_plan WHERE officer_nip = :officerNip AND state = :state"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<Plan> listByOfficerAndState(String officerNip, String state, int limit, long offset);

    /** One page of the plans of a manager's direct reports, newest first. */
    @Query("SELECT * FROM fwa_plan WHERE officer_nip IN (SELECT nip FROM officer WHERE manager_nip = :managerNip)"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<Plan> listByManager(String managerNip, int limit, long offset);

    /** One page of the plans of a manager's direct reports in one stored state, newest first. */
    @Query("SELECT * FROM fwa_plan WHERE officer_nip IN (SELECT nip FROM officer WHERE manager_nip = :managerNip)"
            + " AND state = :state ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<Plan> listByManagerAndState(String managerNip, String state, int limit, long offset);
}
