package io.jeda.attendance.domain;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One export of raw attendance data. Exports are the only way positions leave the service other
 * than to the officer themself, so each is recorded before it is sent.
 *
 * @param recapMonth the exported calendar month, {@code yyyy-MM}
 */
@MappedEntity("export_audit")
public record ExportAudit(@Id String id, String subject, String unitId, String recapMonth, Instant exportedAt,
                          int officerCount) {
}
