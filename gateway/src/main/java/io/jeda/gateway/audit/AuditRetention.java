package io.jeda.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Audit-log retention: rows older than {@code jeda.gateway.audit.retention} (400 days unless set;
 * 0 keeps them for ever) are deleted. The only deletion of audit rows there is; the application
 * itself never changes one.
 * <p>
 * Rows are deleted oldest first in ranges of the primary key ({@code batch-size} ids a statement,
 * each its own short transaction), so a run finds its rows by key, never scans the table, and holds
 * no lock for long: ids grow with time, so the run ends at the first range that has nothing older
 * than the cut-off.
 * <p>
 * On MySQL/MariaDB, where the log is partitioned by day, the days wholly older than the cut-off are
 * dropped first ({@link AuditPartitions}); what is left to delete row by row is then only the
 * older rows of the day the cut-off falls in (and of a first partition that holds every day before
 * the partitioning began), found within those partitions.
 */
@Context // created at start, so that its counter is exported from the first scrape
public class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final DataSource dataSource;
    private final Duration retention;
    private final int batchSize;
    private final Counter deleted;
    private final AuditPartitions partitions;

    @jakarta.inject.Inject
    public AuditRetention(DataSource dataSource, MeterRegistry registry, AuditPartitions partitions,
                          @Value("${jeda.gateway.audit.retention.keep:400d}") Duration retention,
                          @Value("${jeda.gateway.audit.retention.batch-size:10000}") int batchSize) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.partitions = partitions;
        this.retention = retention;
        this.batchSize = Math.max(1, batchSize);
        this.deleted = Counter.builder("jeda.audit.retention.deleted")
                .description("Audit rows deleted because they were older than the retention period")
                .register(registry);
    }

    /** Without partitions (H2, or a table not partitioned): rows are deleted only. */
    public AuditRetention(DataSource dataSource, MeterRegistry registry, Duration retention, int batchSize) {
        this(dataSource, registry, null, retention, batchSize);
    }

    /** How long rows are kept; zero or negative keeps them for ever. */
    public Duration retention() {
        return retention;
    }

    /**
     * Deletes the rows asked before {@code now} minus the retention period.
     *
     * @return how many rows were deleted
     */
    public long purge(Instant now) {
        if (retention.isZero() || retention.isNegative()) {
            return 0;
        }
        Instant cutoff = now.minus(retention);
        Timestamp before = Timestamp.valueOf(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        boolean partitioned = partitions != null && partitions.partitioned();
        if (partitioned) {
            partitions.maintain(now);
        }
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            // Partitioned: the first id among the old rows, read in the old partitions only; else the
            // first id of all (by the primary key, without a scan).
            try (PreparedStatement min = c.prepareStatement(partitioned
                         ? "SELECT MIN(id) FROM reachability_audit WHERE asked_at < ?"
                         : "SELECT MIN(id) FROM reachability_audit");
                 PreparedStatement delete = c.prepareStatement(
                         "DELETE FROM reachability_audit WHERE id >= ? AND id < ? AND asked_at < ?")) {
                while (true) {
                    long first;
                    if (partitioned) {
                        min.setTimestamp(1, before);
                    }
                    try (ResultSet rs = min.executeQuery()) {
                        rs.next();
                        first = rs.getLong(1);
                        if (rs.wasNull()) {
                            break;
                        }
                    }
                    delete.setLong(1, first);
                    delete.setLong(2, first + batchSize);
                    delete.setTimestamp(3, before);
                    int n = delete.executeUpdate();
                    if (n == 0) {
                        break;
                    }
                    total += n;
                    deleted.increment(n);
                }
            }
        } catch (SQLException e) {
            LOG.warn("audit retention stopped after deleting {} rows; the next run goes on: {}", total, e.getMessage());
            return total;
        }
        if (total > 0) {
            LOG.info("audit retention: {} rows asked before {} deleted", total, cutoff);
        }
        return total;
    }
}
