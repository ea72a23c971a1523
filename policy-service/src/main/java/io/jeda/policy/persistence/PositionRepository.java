package io.jeda.policy.persistence;

import io.jeda.policy.domain.organisation.Position;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** Positions and their FWA settings. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface PositionRepository extends CrudRepository<Position, String> {

    List<Position> findByIdIn(Collection<String> ids);

    /** One page of positions, ordered by id (the API's "ordered by name"). */
    @Query("SELECT * FROM job_position ORDER BY id LIMIT :limit OFFSET :offset")
    List<Position> listPage(int limit, long offset);
}
