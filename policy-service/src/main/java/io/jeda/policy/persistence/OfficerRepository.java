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

/** Officers; the only store of domiciles. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface OfficerRepository extends CrudRepository<Officer, String> {

    List<Officer> findByNipIn(Collection<String> nips);

    List<Officer> findByManagerNip(String managerNip);
}
