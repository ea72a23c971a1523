package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every accepted check-in and check-out. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AttendanceEventRepository extends CrudRepository<AttendanceEvent, String> {

    Optional<AttendanceEvent> findByOfficerNipAndIdempotencyKey(String officerNip, String idempotencyKey);

    /** The officer's events whose local dates fall in the range (inclusive), oldest first. */
    List<AttendanceEvent> findByOfficerNipAndLocalDateBetweenOrderByRecordTime(String officerNip, LocalDate from,
                                                                                LocalDate to);
}
