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

/** One-day exceptions. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DayExceptionRepository extends CrudRepository<DayException, String> {

    /** Exceptions of the officers in a given state on local dates in [from, to]. */
    List<DayException> findByOfficerNipInAndStateAndOnDateBetween(
            Collection<String> nips, PlanState state, LocalDate from, LocalDate to);
}
