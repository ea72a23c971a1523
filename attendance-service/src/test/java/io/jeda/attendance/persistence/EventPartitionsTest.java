package io.jeda.attendance.persistence;

import io.jeda.attendance.AttendanceTestBase;
import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.Verification;
import io.jeda.attendance.domain.WriteOutcome;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.common.sql.RangePartitions;
import io.jeda.common.sql.SqlVendor;
import io.jeda.testing.PartitionPlans;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monthly partitions of attendance_event on the real database (MariaDB or MySQL; skipped on H2,
 * which keeps a plain table): the maintenance job's work, the idempotency guarantee across a month
 * boundary, and the plans of the hot queries, which must read only the partitions of their dates.
 */
class EventPartitionsTest extends AttendanceTestBase {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** The month the service's partition job takes as current (the date in the zone furthest ahead). */
    private static final YearMonth M = YearMonth.now(ZoneId.of("Asia/Jayapura"));

    @Inject
    EventPartitions partitions;

    @Inject
    CheckStore store;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("jeda.attendance.partitions.ahead", "3");
        p.put("jeda.attendance.partitions.retention-months", "6");
        return p;
    }

    private DataSource pool() {
        return DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Back to the layout the migration makes: the current month (and all before it), then pmax. */
    @BeforeEach
    void freshLayout() throws SQLException {
        try (Connection c = pool().getConnection()) {
            Assumptions.assumeTrue(SqlVendor.of(c).hasNativePartitioning(), "H2 keeps a plain events table");
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE attendance_event PARTITION BY RANGE COLUMNS (local_date) (PARTITION "
                        + name(M) + " VALUES LESS THAN ('" + M.plusMonths(1).atDay(1) + "'),"
                        + " PARTITION pmax VALUES LESS THAN (MAXVALUE))");
            }
        }
    }

    @AfterAll
    void layoutForTheOtherTests() throws SQLException {
        try (Connection c = pool().getConnection()) {
            if (SqlVendor.of(c).hasNativePartitioning()) {
                freshLayout();
            }
        }
    }

    private static String name(YearMonth m) {
        return "p" + m.toString().replace("-", "");
    }

    private List<String> names() throws SQLException {
        return partitions.partitions().stream().map(RangePartitions.Partition::name).toList();
    }

    private static Instant noon(YearMonth m, int day) {
        return m.atDay(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static AttendanceEvent event(String nip, String key, EventKind kind, Instant record, LocalDate date) {
        return new AttendanceEvent(UUID.randomUUID().toString(), nip, kind, AttendanceMode.OFFICE, key,
                "f".repeat(64), record, record, record, date, "Asia/Jakarta", UNIT, OFFICE_LAT, OFFICE_LON, 10.0,
                "phone-1", "", Verification.VERIFIED, null, null);
    }

    private static OpenSession session(AttendanceEvent e) {
        return new OpenSession(e.officerNip(), e.id(), e.mode(), e.recordTime(), e.localDate(), e.timeZone(),
                e.unitId(), false, e.localDate().atTime(23, 59).atZone(JAKARTA).toInstant(), e.receiveTime());
    }

    private void insert(AttendanceEvent... events) throws SQLException {
        try (Connection c = pool().getConnection()) {
            c.setAutoCommit(false);
            EventRows.insertEvents(c, List.of(events));
            c.commit();
        }
    }

    private long rowsIn(String partition) {
        return count("SELECT COUNT(*) FROM attendance_event PARTITION (" + partition + ")");
    }

    @Test
    void maintenanceKeepsMonthsAheadAndDropsThoseOlderThanTheRetentionWithTheirRows() throws SQLException {
        RangePartitions.Outcome first = partitions.maintain(noon(M, 15));
        assertEquals(List.of(name(M.plusMonths(1)), name(M.plusMonths(2)), name(M.plusMonths(3))), first.added());
        assertEquals(List.of(name(M), name(M.plusMonths(1)), name(M.plusMonths(2)), name(M.plusMonths(3)), "pmax"),
                names());
        assertEquals(3, first.ahead());
        // Run again: nothing to do (replicas and restarts repeat it).
        RangePartitions.Outcome again = partitions.maintain(noon(M, 16));
        assertTrue(again.added().isEmpty() && again.dropped().isEmpty(), again.toString());

        for (int i = 0; i <= 3; i++) {
            YearMonth m = M.plusMonths(i);
            insert(event(NIP, "k" + i, EventKind.CHECK_IN, noon(m, 5), m.atDay(5)));
        }
        assertEquals(1, rowsIn(name(M.plusMonths(2))));

        // Nine months on, keeping six: the months before M+3 go, with their rows and keys.
        YearMonth later = M.plusMonths(9);
        RangePartitions.Outcome o = partitions.maintain(noon(later, 15));
        assertEquals(List.of(name(M), name(M.plusMonths(1)), name(M.plusMonths(2))), o.dropped());
        List<String> expected = new ArrayList<>();
        for (int i = 3; i <= 12; i++) {
            expected.add(name(M.plusMonths(i)));
        }
        expected.add("pmax");
        assertEquals(expected, names());
        assertEquals(3, o.ahead());
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event"));
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event WHERE idempotency_key = 'k3'"));
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_key"));
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_key WHERE idempotency_key = 'k3'"));

        // Writes into the current and the next month still work, each in its own partition.
        AttendanceEvent now = event(NIP, "now", EventKind.CHECK_IN, noon(later, 20), later.atDay(20));
        assertInstanceOf(WriteOutcome.Stored.class, store.checkIn(now, session(now)));
        AttendanceEvent next = event(OTHER_NIP, "next", EventKind.CHECK_IN, noon(later.plusMonths(1), 1),
                later.plusMonths(1).atDay(1));
        assertInstanceOf(WriteOutcome.Stored.class, store.checkIn(next, session(next)));
        assertEquals(1, rowsIn(name(later)));
        assertEquals(1, rowsIn(name(later.plusMonths(1))));
        // And a date beyond every partition made lands in pmax rather than failing.
        insert(event(MANAGER_NIP, "far", EventKind.CHECK_IN, noon(later.plusMonths(30), 1), later.plusMonths(30).atDay(1)));
        assertEquals(1, rowsIn("pmax"));
    }

    @Test
    void replicasRunningTheMaintenanceAtOnceLeaveOneValidLayout() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<RangePartitions.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(() -> partitions.maintain(noon(M, 10)));
            }
            int added = 0;
            for (Future<RangePartitions.Outcome> f : pool.invokeAll(runs)) {
                added += f.get().added().size();
            }
            assertEquals(3, added, "each partition made once, whichever replica made it");
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(name(M), name(M.plusMonths(1)), name(M.plusMonths(2)), name(M.plusMonths(3)), "pmax"),
                names());
    }

    @Test
    void aReplicaLeavesTheRunToTheOneHoldingTheLock() throws SQLException {
        try (Connection other = pool().getConnection(); Statement s = other.createStatement()) {
            s.executeQuery("SELECT GET_LOCK('" + other.getCatalog() + ".attendance_event.partitions', 0)").close();
            assertFalse(partitions.maintain(noon(M, 10)).ran());
            assertEquals(List.of(name(M), "pmax"), names());
            s.executeQuery("SELECT RELEASE_LOCK('" + other.getCatalog() + ".attendance_event.partitions')").close();
        }
        assertTrue(partitions.maintain(noon(M, 10)).ran());
    }

    /**
     * The guarantee the partitioning must not weaken: a check-in acknowledged at 23:59:59 on the last
     * day of a month whose answer was lost, retried after midnight, lands on another local date and
     * another partition, and is still the same check-in (a unique key on officer, key and date would
     * store it twice). The same for a check-out.
     */
    @Test
    void aRetryAfterMidnightAtTheEndOfAMonthReturnsTheFirstWriteAndStoresNothing() {
        partitions.maintain(noon(M, 10));
        LocalDate last = M.atEndOfMonth();
        LocalDate first = M.plusMonths(1).atDay(1);
        Instant before = last.atTime(LocalTime.of(23, 59, 59)).atZone(JAKARTA).toInstant();
        Instant after = first.atTime(LocalTime.of(0, 0, 1)).atZone(JAKARTA).toInstant();

        AttendanceEvent in = event(NIP, "in-key", EventKind.CHECK_IN, before, last);
        assertInstanceOf(WriteOutcome.Stored.class, store.checkIn(in, session(in)));
        AttendanceEvent retried = event(NIP, "in-key", EventKind.CHECK_IN, after, first);
        WriteOutcome again = store.checkIn(retried, session(retried));
        assertInstanceOf(WriteOutcome.Replayed.class, again);
        assertEquals(in.id(), ((WriteOutcome.Replayed) again).first().id());

        AttendanceEvent out = event(NIP, "out-key", EventKind.CHECK_OUT, before.plusMillis(500), last);
        assertInstanceOf(WriteOutcome.Stored.class, store.checkOut(out));
        WriteOutcome outAgain = store.checkOut(event(NIP, "out-key", EventKind.CHECK_OUT, after, first));
        assertInstanceOf(WriteOutcome.Replayed.class, outAgain);
        assertEquals(out.id(), ((WriteOutcome.Replayed) outAgain).first().id());

        assertEquals(2, count("SELECT COUNT(*) FROM attendance_event"));
        assertEquals(2, count("SELECT COUNT(*) FROM attendance_key"));
        assertEquals(0, rowsIn(name(M.plusMonths(1))));
    }

    /** The same through the API: a retried check-in returns the first one and stores nothing new. */
    @Test
    void aRetryThroughTheApiOnThePartitionedTableIsReplayed() {
        partitions.maintain(noon(M, 10));
        CheckInRequest request = officeCheckIn(NIP).build();
        io.jeda.attendance.v1.AttendanceEvent firstAnswer = officer().checkIn(request);
        io.jeda.attendance.v1.AttendanceEvent second = officer().checkIn(request);
        assertEquals(firstAnswer.getName(), second.getName());
        assertEquals(1, count("SELECT COUNT(*) FROM attendance_event"));
    }

    // ---- the hot queries stay on the partitions of their dates ----

    private String repositoryQuery(String method, Class<?>... types) {
        return context.getBeanDefinition(AttendanceEventRepository.class).getRequiredMethod(method, types)
                .stringValue(Query.class).orElseThrow();
    }

    private Set<String> used(String table, String sql, Object... params) throws SQLException {
        try (Connection c = pool().getConnection()) {
            return PartitionPlans.used(c, table, sql, params);
        }
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @Test
    void everyHotQueryReadsOnlyThePartitionsOfItsDates() throws SQLException {
        partitions.maintain(noon(M, 10));
        YearMonth next = M.plusMonths(1);
        AttendanceEvent e = event(NIP, "hot", EventKind.CHECK_IN, noon(next, 3), next.atDay(3));
        insert(e, event(OTHER_NIP, "other", EventKind.CHECK_IN, noon(M, 3), M.atDay(3)));

        // Check-in dedupe: the event stored under a key is read from its own partition.
        // (the key and the open session are read from unpartitioned tables by primary key, then the
        // event by its primary key, id and date)
        assertEquals(Set.of(name(next)), used("attendance_event", EventRows.FIND_BY_ID, e.id(), e.localDate()));
        // Reconciliation's update of one event.
        assertEquals(Set.of(name(next)), used("attendance_event", EventRows.RECONCILE, "VERIFIED", null,
                next.atDay(3), "Asia/Jakarta", UNIT, e.id(), next.atDay(3)));
        // One day (DayService.day), and a month with the first day of the next (month view, recap).
        String between = repositoryQuery("findByOfficerNipAndLocalDateBetweenOrderByRecordTime", String.class,
                LocalDate.class, LocalDate.class);
        assertEquals(Set.of(name(M)), used("attendance_event_", between, NIP, M.atDay(10), M.atDay(11)));
        assertEquals(Set.of(name(M), name(next)), used("attendance_event_", between, NIP, M.atDay(1),
                next.atDay(1)));
        // Current status: the last check-out within the lookback (48 h) and today, mid-month.
        String last = repositoryQuery("findLastCheckOuts", List.class, Instant.class, LocalDate.class,
                LocalDate.class);
        Instant now = noon(next, 15);
        Instant since = now.minusSeconds(48 * 3600);
        assertEquals(Set.of(name(next)), used("attendance_event", last, List.of(NIP, OTHER_NIP), utc(since),
                JdbcAttendanceRecords.earliestLocalDate(since), JdbcAttendanceRecords.latestLocalDate(now)));
        // On the first of a month it reaches into the month before, and no further.
        Instant early = noon(next, 1);
        Instant earlySince = early.minusSeconds(48 * 3600);
        assertEquals(Set.of(name(M), name(next)), used("attendance_event", last, List.of(NIP), utc(earlySince),
                JdbcAttendanceRecords.earliestLocalDate(earlySince), JdbcAttendanceRecords.latestLocalDate(early)));
    }
}
