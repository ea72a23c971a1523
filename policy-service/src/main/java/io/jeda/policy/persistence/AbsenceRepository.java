package io.jeda.policy.persistence;

import io.jeda.policy.domain.calendar.Absence;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Leave and official travel of officers. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AbsenceRepository extends CrudRepository<Absence, String> {

    /** Absences of the officers that overlap [from, to]. */
    List<Absence> findByOfficerNipInAndStartDateLessThanEqualsAndEndDateGreaterThanEquals(
            Collection<String> nips, LocalDate to, LocalDate from);

    /** One page of an officer's absences, ordered by start date. */
    @Query("SELECT * FROM absence WHERE officer_nip = :officerNip ORDER BY start_date, id LIMIT :limit OFFSET :offset")
    List<Absence> listByOfficerPage(String officerNip, int limit, long offset);
}
