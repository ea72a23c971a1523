package io.jeda.policy.persistence;

import io.jeda.policy.domain.calendar.RamadanPeriod;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

/** Ramadan periods. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RamadanPeriodRepository extends CrudRepository<RamadanPeriod, String> {

    List<RamadanPeriod> findByStartDateLessThanEqualsAndEndDateGreaterThanEquals(LocalDate to, LocalDate from);

    /** One page of the periods, ordered by start date. */
    @Query("SELECT * FROM ramadan_period ORDER BY start_date, id LIMIT :limit OFFSET :offset")
    List<RamadanPeriod> listPage(int limit, long offset);
}
