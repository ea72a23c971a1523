package io.jeda.policy.persistence;

import io.jeda.policy.domain.plan.DayException;
import io.jeda.policy.domain.plan.PlanState;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** One-day exceptions. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DayExceptionRepository extends CrudRepository<DayException, String> {

    /** Exceptions of the officers in a given state on local dates in [from, to]. */
    List<DayException> findByOfficerNipInAndStateAndOnDateBetween(
            Collection<String> nips, PlanState state, LocalDate from, LocalDate to);

    /** The exceptions of an officer on a date in any of the given states. */
    List<DayException> findByOfficerNipAndOnDateAndStateIn(String officerNip, LocalDate onDate,
                                                           Collection<PlanState> states);

    /** Moves an exception between states only if it is still in the expected one; rows changed. */
    @Query("UPDATE day_exception SET state = :toState, decision_reason = :reason, updated_at = :now,"
            + " version = version + 1 WHERE id = :id AND state = :fromState")
    int updateStateIfCurrent(String id, String fromState, String toState, String reason, Instant now);

    /** One page of an officer's exceptions, newest date first. */
    @Query("SELECT * FROM day_exception WHERE officer_nip = :officerNip"
            + " ORDER BY on_date DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<DayException> listByOfficer(String officerNip, int limit, long offset);

    /** One page of an officer's exceptions in one state, newest date first. */
    @Query("SELECT * FROM day_exception WHERE officer_nip = :officerNip AND state = :state"
            + " ORDER BY on_date DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<DayException> listByOfficerAndState(String officerNip, String state, int limit, long offset);

    /** One page of the exceptions of a manager's direct reports, newest date first. */
    @Query("SELECT * FROM day_exception WHERE officer_nip IN (SELECT nip FROM officer WHERE manager_nip = :managerNip)"
            + " ORDER BY on_date DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<DayException> listByManager(String managerNip, int limit, long offset);

    /** One page of the exceptions of a manager's direct reports in one state, newest date first. */
    @Query("SELECT * FROM day_exception WHERE officer_nip IN (SELECT nip FROM officer WHERE manager_nip = :managerNip)"
            + " AND state = :state ORDER BY on_date DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<DayException> listByManagerAndState(String managerNip, String state, int limit, long offset);
}
