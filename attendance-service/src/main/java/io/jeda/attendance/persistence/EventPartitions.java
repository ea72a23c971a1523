package io.jeda.attendance.persistence;

import io.jeda.common.sql.PartitionMaintenance;
import io.jeda.common.sql.RangePartitions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The monthly partitions of attendance_event on MySQL/MariaDB (see db/vendor/mysql): keeps
 * {@code jeda.attendance.partitions.ahead} months after the current one, and drops the months older
 * than {@code jeda.attendance.partitions.retention-months} (0, the default, keeps every event), with
 * the idempotency keys of the events dropped. On H2 the table is plain and nothing is done.
 */
@Context // created at start, so that its meters are exported from the first scrape
public class EventPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(EventPartitions.class);
    /** The zone furthest ahead that officers work in: its date is the latest local date written. */
    private static final ZoneId AHEAD_MOST = ZoneId.of("Asia/Jayapura");

    private final DataSource dataSource;
    private final PartitionMaintenance maintenance;
    private final int ahead;
    private final int retentionMonths;
    private final int keyBatch;

    public EventPartitions(DataSource dataSource, MeterRegistry registry,
                           @Value("${jeda.attendance.partitions.ahead:3}") int ahead,
                           @Value("${jeda.attendance.partitions.retention-months:0}") int retentionMonths,
                           @Value("${jeda.attendance.partitions.key-delete-batch:10000}") int keyBatch) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.maintenance = new PartitionMaintenance(this.dataSource, registry, "attendance_event",
                RangePartitions.Unit.MONTH);
        this.ahead = Math.max(0, ahead);
        this.retentionMonths = Math.max(0, retentionMonths);
        this.keyBatch = Math.max(1, keyBatch);
    }

    /**
     * One maintenance run as of {@code now}: the first day of the oldest month kept is the first of
     * the current month minus the retention, so the current month and {@code retention-months}
     * whole months before it stay.
     */
    public RangePartitions.Outcome maintain(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, AHEAD_MOST);
        Optional<LocalDate> keepFrom = retentionMonths == 0 ? Optional.empty()
                : Optional.of(today.withDayOfMonth(1).minusMonths(retentionMonths));
        RangePartitions.Outcome o = maintenance.run(today, ahead, keepFrom);
        o.droppedBelow().ifPresent(this::deleteKeysBefore);
        return o;
    }

    /** The partitions of the table now (empty on H2). */
    public java.util.List<RangePartitions.Partition> partitions() throws SQLException {
        return maintenance.list();
    }

    /**
     * The idempotency keys of the dropped events, in short statements. Interrupted, the next run
     * after a drop finishes it; keys left longer only refuse the reuse of a key years old.
     */
    private void deleteKeysBefore(LocalDate before) {
        long total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM attendance_key WHERE local_date < ? LIMIT ?")) {
            c.setAutoCommit(true);
            ps.setObject(1, before);
            ps.setInt(2, keyBatch);
            int n;
            do {
                n = ps.executeUpdate();
                total += n;
            } while (n == keyBatch);
        } catch (SQLException e) {
            LOG.warn("deleting the idempotency keys of events before {} stopped after {}: {}", before, total,
                    e.getMessage());
        }
    }
}
