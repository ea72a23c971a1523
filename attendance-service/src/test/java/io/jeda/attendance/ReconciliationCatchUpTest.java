package io.jeda.attendance;

import io.jeda.attendance.app.Reconciliation;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.common.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After an outage of policy-service, the check-ins it could not verify are caught up in one run of
 * the job, however many batches that takes, while officers keep checking in and out.
 */
class ReconciliationCatchUpTest extends AttendanceTestBase {

    /** Three batches of the default size, and some. */
    private static final int WAITING = 1_600;

    @Inject
    Reconciliation reconciliation;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(super.getProperties());
        // This test is about throughput and lock conflicts, not about a slow machine's policy calls.
        p.put("jeda.attendance.policy.deadline-ms", "10000");
        return p;
    }

    /** Check-ins accepted unverified during an outage, straight to the database; each officer's last is open. */
    private void acceptedDuringAnOutage(List<String> nips) throws SQLException {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement events = c.prepareStatement("INSERT INTO attendance_event (id, officer_nip, kind,"
                     + " mode, idempotency_key, fingerprint, record_time, device_time, receive_time, local_date,"
                     + " time_zone, unit_id, latitude, longitude, accuracy_meters, device_id, flags, verification)"
                     + " VALUES (?, ?, 'CHECK_IN', 'OFFICE', ?, 'f', ?, ?, ?, ?, 'Asia/Jakarta', NULL, ?, ?, 5,"
                     + " 'phone', 'POLICY_UNVERIFIED', 'UNVERIFIED')");
             PreparedStatement sessions = c.prepareStatement("INSERT INTO open_session (officer_nip, check_in_id,"
                     + " mode, since, local_date, time_zone, unit_id, unverified, close_at, receive_time)"
                     + " VALUES (?, ?, 'OFFICE', ?, ?, 'Asia/Jakarta', NULL, TRUE, ?, ?)")) {
            for (int i = 0; i < WAITING; i++) {
                String nip = nips.get(i % nips.size());
                String id = UUID.randomUUID().toString();
                LocalDateTime at = LocalDateTime.ofInstant(start.plusSeconds(i), ZoneOffset.UTC);
                events.setString(1, id);
                events.setString(2, nip);
                events.setString(3, "outage-" + i);
                events.setObject(4, at);
                events.setObject(5, at);
                events.setObject(6, at);
                events.setObject(7, LocalDate.now());
                events.setDouble(8, OFFICE_LAT);
                events.setDouble(9, OFFICE_LON);
                events.addBatch();
                if (i >= WAITING - nips.size()) {
                    sessions.setString(1, nip);
                    sessions.setString(2, id);
                    sessions.setObject(3, at);
                    sessions.setObject(4, LocalDate.now());
                    sessions.setObject(5, at.plusDays(1));
                    sessions.setObject(6, at);
                    sessions.addBatch();
                }
            }
            events.executeBatch();
            sessions.executeBatch();
        }
    }

    @Test
    void everyEventAcceptedDuringAnOutageIsVerifiedInOneRunWhileOfficersKeepCheckingIn() throws Exception {
        List<String> waiting = List.of(NIP, OTHER_NIP, MANAGER_NIP);
        acceptedDuringAnOutage(waiting);
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String nip = String.format("199303032017031%03d", i);
            busy.add(nip);
            POLICY.officer(nip, UNIT, MANAGER_NIP, null);
            as(nip, Role.OFFICER).checkIn(officeCheckIn(nip).build());
            as(nip, Role.OFFICER).checkOut(officeCheckOut(nip).build());
        }
        // Meanwhile other officers check in and out as fast as they can.
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(busy.size());
        List<Future<Integer>> load = new ArrayList<>();
        for (String nip : busy) {
            load.add(pool.submit(() -> {
                int cycles = 0;
                while (!stop.get()) {
                    CheckInRequest in = officeCheckIn(nip).build();
                    as(nip, Role.OFFICER).withDeadlineAfter(30, TimeUnit.SECONDS).checkIn(in);
                    CheckOutRequest out = officeCheckOut(nip).build();
                    as(nip, Role.OFFICER).withDeadlineAfter(30, TimeUnit.SECONDS).checkOut(out);
                    cycles++;
                }
                return cycles;
            }));
        }
        long started = System.nanoTime();
        int reconciled;
        try {
            reconciled = reconciliation.catchUp();
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int cycles = 0;
        for (Future<Integer> f : load) {
            cycles += f.get(60, TimeUnit.SECONDS);
        }
        assertTrue(cycles > 0, "officers were checking in and out meanwhile");
        assertEquals(WAITING, reconciled, "all in one run (" + millis + " ms)");
        // Before, one run took 500 events a minute; now the backlog goes at the database's pace.
        assertTrue(millis < 120_000, "caught up in " + millis + " ms");
        assertEquals(0, count("SELECT COUNT(*) FROM attendance_event WHERE idempotency_key LIKE 'outage-%'"
                + " AND verification = 'UNVERIFIED'"));
        assertEquals(WAITING, count("SELECT COUNT(*) FROM attendance_event WHERE idempotency_key LIKE 'outage-%'"
                + " AND verification = 'VERIFIED'"));
        assertEquals(waiting.size(), count("SELECT COUNT(*) FROM open_session WHERE unverified = FALSE"
                + " AND officer_nip IN ('" + String.join("','", waiting) + "')"));
        assertEquals(0, reconciliation.catchUp(), "nothing left for the next run");
    }
}
