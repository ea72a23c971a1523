package io.jeda.policy.persistence;

import io.jeda.policy.domain.calendar.CalendarDay;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

/** Holidays, collective leave and agency days. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CalendarDayRepository extends CrudRepository<CalendarDay, String> {

    List<CalendarDay> findByOnDateBetweenOrderByOnDate(LocalDate from, LocalDate to);

    /** One page of the days in [from, to], ordered by date (and id, so pages are stable). */
    @Query("SELECT * FROM calendar_day WHERE on_date >= :from AND on_date <= :to ORDER BY on_date, id "
            + "LIMIT :limit OFFSET :offset")
    List<CalendarDay> listBetweenPage(LocalDate from, LocalDate to, int limit, long offset);
}
