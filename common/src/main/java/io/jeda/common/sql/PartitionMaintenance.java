package io.jeda.common.sql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of {@link RangePartitions} on a connection of its own, with the meters operators watch
 * (Prometheus names, tagged with the table): {@code jeda_partitions_added_total},
 * {@code jeda_partitions_dropped_total}, {@code jeda_partitions_failures_total} and the gauge
 * {@code jeda_partitions_ahead} (whole partitions after the current one as the last run left them;
 * -1 before the first run, on H2, and on a replica that left the run to another). Alert when it
 * stays at 0: rows then go to the catch-all partition, which still works but is not dropped by age.
 */
public final class PartitionMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);

    private final DataSource dataSource;
    private final RangePartitions partitions;
    private final String table;
    private final Counter added;
    private final Counter dropped;
    private final Counter failures;
    private final AtomicInteger ahead = new AtomicInteger(-1);

    public PartitionMaintenance(DataSource dataSource, MeterRegistry registry, String table, RangePartitions.Unit unit) {
        this.dataSource = dataSource;
        this.table = table;
        this.partitions = new RangePartitions(table, unit);
        this.added = Counter.builder("jeda.partitions.added").tag("table", table)
                .description("Partitions made ahead of time by the maintenance job").register(registry);
        this.dropped = Counter.builder("jeda.partitions.dropped").tag("table", table)
                .description("Partitions dropped because their rows were older than the retention").register(registry);
        this.failures = Counter.builder("jeda.partitions.failures").tag("table", table)
                .description("Partition maintenance runs that failed (the next run tries again)").register(registry);
        Gauge.builder("jeda.partitions.ahead", ahead, AtomicInteger::get).tag("table", table)
                .description("Whole partitions after the current one, as the last maintenance run left them")
                .register(registry);
    }

    /** Whether the table is natively partitioned on this database (false on H2). */
    public boolean partitioned() {
        try (Connection c = dataSource.getConnection()) {
            return SqlVendor.of(c).hasNativePartitioning() && !partitions.list(c).isEmpty();
        } catch (SQLException e) {
            LOG.warn("cannot read the partitions of {}: {}", table, e.getMessage());
            return false;
        }
    }

    /**
     * Keeps {@code ahead} partitions after today's and drops those entirely before {@code keepFrom}.
     * Never throws: a failure is logged and counted, and the next run starts again from the table.
     */
    public RangePartitions.Outcome run(LocalDate today, int ahead, Optional<LocalDate> keepFrom) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            RangePartitions.Outcome o = partitions.maintain(c, today, ahead, keepFrom);
            if (o.ran()) {
                added.increment(o.added().size());
                dropped.increment(o.dropped().size());
                this.ahead.set(o.ahead());
                if (!o.added().isEmpty() || !o.dropped().isEmpty()) {
                    LOG.info("partitions of {}: added {}, dropped {}", table, o.added(), o.dropped());
                }
            }
            return o;
        } catch (SQLException | RuntimeException e) {
            failures.increment();
            LOG.warn("partition maintenance of {} failed; the next run tries again: {}", table, e.getMessage());
            return new RangePartitions.Outcome(false, java.util.List.of(), java.util.List.of(), Optional.empty(), -1);
        }
    }

    /** The table's partitions now (for tests and operators). */
    public java.util.List<RangePartitions.Partition> list() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return partitions.list(c);
        }
    }
}
