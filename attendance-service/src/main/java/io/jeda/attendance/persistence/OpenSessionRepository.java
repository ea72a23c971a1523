package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.OpenSession;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The open check-in of each officer who has one. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OpenSessionRepository extends CrudRepository<OpenSession, String> {

    List<OpenSession> findByOfficerNipIn(Collection<String> officerNips);

    /** Sessions open since before the instant, for the end-of-day rule. */
    List<OpenSession> findBySinceLessThan(Instant before);

    /** Closes the session only if it is still the given check-in; the count says whether it was. */
    long deleteByOfficerNipAndCheckInId(String officerNip, String checkInId);
}
