package io.jeda.policy.persistence;

import io.jeda.policy.domain.roster.Roster;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** On-call rosters. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RosterRepository extends CrudRepository<Roster, String> {

    List<Roster> findByIdIn(Collection<String> ids);

    List<Roster> findByUnitIdOrderById(String unitId);

    /** Takes the row lock of a roster until the transaction ends (writes to a roster are serialised). */
    @Query("SELECT * FROM roster WHERE id = :id FOR UPDATE")
    Optional<Roster> lockById(String id);

    /** One page of all rosters by id; offset-based because page tokens carry an offset. */
    @Query("SELECT * FROM roster ORDER BY id LIMIT :limit OFFSET :offset")
    List<Roster> findPage(int limit, long offset);

    /** One page of the rosters of a unit by id. */
    @Query("SELECT * FROM roster WHERE unit_id = :unitId ORDER BY id LIMIT :limit OFFSET :offset")
    List<Roster> findPageOfUnit(String unitId, int limit, long offset);
}
