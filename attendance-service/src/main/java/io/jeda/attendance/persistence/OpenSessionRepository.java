package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.OpenSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The open check-in of each officer who has one. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OpenSessionRepository extends CrudRepository<OpenSession, String> {

    List<OpenSession> findByOfficerNipIn(Collection<String> officerNips);

    /**
     * Sessions the end-of-day rule may close: due by {@code now} and received no later than
     * {@code receivedBy}; earliest first, one page at a time.
     */
    List<OpenSession> findByCloseAtLessThanEqualsAndReceiveTimeLessThanEquals(Instant now, Instant receivedBy,
                                                                               Pageable pageable);
}
