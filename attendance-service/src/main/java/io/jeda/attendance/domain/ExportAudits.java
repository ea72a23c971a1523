package io.jeda.attendance.domain;

import java.util.List;

/** The append-only record of every export of raw attendance data. */
public interface ExportAudits {

    void record(ExportAudit audit);

    /** One page of every export (or of one unit's when {@code unitIdOrNull} is set), newest first. */
    List<ExportAudit> page(String unitIdOrNull, int size, long offset);
}
