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

/** On-call rosters. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RosterRepository extends CrudRepository<Roster, String> {

    List<Roster> findByIdIn(Collection<String> ids);

    List<Roster> findByUnitIdOrderById(String unitId);
}
