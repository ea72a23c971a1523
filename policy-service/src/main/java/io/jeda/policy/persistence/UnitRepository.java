package io.jeda.policy.persistence;

import io.jeda.policy.domain.organisation.Unit;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

/** Units (unit kerja). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface UnitRepository extends CrudRepository<Unit, String> {

    List<Unit> findByIdIn(Collection<String> ids);

    List<Unit> findByParentId(String parentId);

    /** One page of all units, ordered by id (the API's "ordered by name"). */
    @Query("SELECT * FROM unit ORDER BY id LIMIT :limit OFFSET :offset")
    List<Unit> listPage(int limit, long offset);

    /** One page of the named units (a scoped admin's subtree), ordered by id. */
    @Query("SELECT * FROM unit WHERE id IN (:ids) ORDER BY id LIMIT :limit OFFSET :offset")
    List<Unit> listByIdInPage(Collection<String> ids, int limit, long offset);

    /** One page of the direct children of a unit, ordered by id. */
    @Query("SELECT * FROM unit WHERE parent_id = :parentId ORDER BY id LIMIT :limit OFFSET :offset")
    List<Unit> listChildrenPage(String parentId, int limit, long offset);
}
