package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.ExportAudit;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** The export audit; append-only, so it offers no update or delete. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ExportAuditRepository extends GenericRepository<ExportAudit, String> {

    ExportAudit save(ExportAudit audit);
}
