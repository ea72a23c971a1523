package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.ExportAudit;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The export audit; append-only, so it offers no update or delete. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ExportAuditRepository extends GenericRepository<ExportAudit, String> {

    ExportAudit save(ExportAudit audit);

    /** One page of every export, newest first. */
    @Query("SELECT * FROM export_audit ORDER BY exported_at DESC, id LIMIT :size OFFSET :offset")
    List<ExportAudit> page(int size, long offset);

    /** One page of the exports of one unit, newest first. */
    @Query("SELECT * FROM export_audit WHERE unit_id = :unitId ORDER BY exported_at DESC, id LIMIT :size OFFSET :offset")
    List<ExportAudit> pageOfUnit(String unitId, int size, long offset);
}
