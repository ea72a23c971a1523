package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.ExportAudit;
import io.jeda.attendance.domain.ExportAudits;
import jakarta.inject.Singleton;

import java.util.List;

/** {@link ExportAudits} on the attendance database. */
@Singleton
public class JdbcExportAudits implements ExportAudits {

    private final ExportAuditRepository audits;

    public JdbcExportAudits(ExportAuditRepository audits) {
        this.audits = audits;
    }

    @Override
    public void record(ExportAudit audit) {
        audits.save(audit);
    }

    @Override
    public List<ExportAudit> page(String unitIdOrNull, int size, long offset) {
        return unitIdOrNull == null ? audits.page(size, offset) : audits.pageOfUnit(unitIdOrNull, size, offset);
    }
}
