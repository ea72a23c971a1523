package io.jeda.policy.persistence;

import io.jeda.policy.domain.*;
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
}
