package io.jeda.gateway.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/**
 * The audit table's only access: insert, and list by officer. Deliberately a
 * {@link GenericRepository} without update or delete, so that no code path can rewrite history.
 * Rows past the retention period are deleted by {@link AuditRetention} alone.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditRepository extends GenericRepository<AuditEntry, Long> {

    /** Inserts one row (the id is generated). */
    AuditEntry save(AuditEntry entry);

    /** Inserts rows in one batch. */
    List<AuditEntry> saveAll(Iterable<AuditEntry> entries);

    /**
     * The officer's rows asked in [since, until), newest first. The bounds keep the query on the
     * days (partitions, on MySQL/MariaDB) of the window instead of every day kept.
     */
    @Query("SELECT * FROM reachability_audit WHERE officer_nip = :nip AND asked_at >= :since AND asked_at < :until"
            + " ORDER BY asked_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<AuditEntry> listByOfficer(String nip, Instant since, Instant until, int limit, long offset);
}
