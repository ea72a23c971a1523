package io.jeda.policy.persistence;

import io.jeda.policy.domain.audit.AdminChange;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** The append-only audit of admin changes: only saved and listed, never updated or deleted. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AdminChangeRepository extends GenericRepository<AdminChange, Long> {

    AdminChange save(AdminChange change);

    /** One page of every change, newest first. */
    @Query("SELECT * FROM admin_change ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<AdminChange> listPage(int limit, long offset);

    /** One page of the changes of one resource, newest first. */
    @Query("SELECT * FROM admin_change WHERE resource = :resource ORDER BY id DESC "
            + "LIMIT :limit OFFSET :offset")
    List<AdminChange> listByResourcePage(String resource, int limit, long offset);

    /** One page of the changes that belong to any of the units, newest first. */
    @Query("SELECT * FROM admin_change WHERE unit_id IN (:unitIds) ORDER BY id DESC "
            + "LIMIT :limit OFFSET :offset")
    List<AdminChange> listInUnitsPage(Collection<String> unitIds, int limit, long offset);

    /** One page of the changes of one resource that belong to any of the units, newest first. */
    @Query("SELECT * FROM admin_change WHERE unit_id IN (:unitIds) AND resource = :resource "
            + "ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<AdminChange> listInUnitsByResourcePage(Collection<String> unitIds, String resource, int limit, long offset);
}
