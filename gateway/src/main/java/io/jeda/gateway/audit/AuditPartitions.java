package io.jeda.gateway.audit;

import io.jeda.common.sql.PartitionMaintenance;
import io.jeda.common.sql.RangePartitions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The daily partitions of the audit log on MySQL/MariaDB (db/vendor/mysql): keeps
 * {@code jeda.gateway.audit.partitions.ahead} days after today (UTC, as asked_at is) and drops the
 * days wholly older than the retention ({@code jeda.gateway.audit.retention.keep}). On H2 the table
 * is plain, nothing is done here and {@link AuditRetention} deletes rows instead.
 */
@Context // created at start, so that its meters are exported from the first scrape
public class AuditPartitions {

    private final PartitionMaintenance maintenance;
    private final int ahead;
    private final Duration retention;
    private volatile Boolean partitioned;

    public AuditPartitions(DataSource dataSource, MeterRegistry registry,
                           @Value("${jeda.gateway.audit.partitions.ahead:7}") int ahead,
                           @Value("${jeda.gateway.audit.retention.keep:400d}") Duration retention) {
        this.maintenance = new PartitionMaintenance(DelegatingDataSource.unwrapDataSource(dataSource), registry,
                "reachability_audit", RangePartitions.Unit.DAY);
        this.ahead = Math.max(0, ahead);
        this.retention = retention;
    }

    /** Whether the audit log is partitioned (MySQL/MariaDB); asked once. */
    public boolean partitioned() {
        Boolean p = partitioned;
        if (p == null) {
            p = maintenance.partitioned();
            partitioned = p;
        }
        return p;
    }

    /**
     * One run as of {@code now}: days ahead made, days whose every row was asked before
     * {@code now} minus the retention dropped (a retention of 0 drops nothing).
     */
    public RangePartitions.Outcome maintain(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Optional<LocalDate> keepFrom = retention.isZero() || retention.isNegative() ? Optional.empty()
                : Optional.of(LocalDate.ofInstant(now.minus(retention), ZoneOffset.UTC));
        return maintenance.run(today, ahead, keepFrom);
    }

    /** The partitions of the table now (empty on H2). */
    public List<RangePartitions.Partition> partitions() throws SQLException {
        return maintenance.list();
    }
}
