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

/** Holidays, collective leave and agency days. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CalendarDayRepository extends CrudRepository<CalendarDay, String> {

    List<CalendarDay> findByOnDateBetweenOrderByOnDate(LocalDate from, LocalDate to);
}
