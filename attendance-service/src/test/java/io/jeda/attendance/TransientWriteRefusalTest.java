package io.jeda.attendance;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An overloaded writer (a tiny queue, a commit deadline shorter than any commit) turns writes
 * away, and some of the writes it turned away commit a moment later. Such a refusal must say
 * "try again" (a transient status), never a definitive answer such as NOT_CHECKED_IN that a retry
 * would contradict: a key that was told it was refused for good must not be stored.
 */
class TransientWriteRefusalTest extends AttendanceTestBase {

    private static final int OFFICERS = 300;
    private static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.DEADLINE_EXCEEDED);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(super.getProperties());
        p.put("jeda.attendance.group-commit.timeout", "1ms");
        p.put("jeda.attendance.group-commit.queue-capacity", "8");
        return p;
    }

    private static String nip(int i) {
        return String.format("199202022016021%03d", i);
    }

    /** Officers already checked in an hour ago, written straight to the database. */
    private void checkedIn(int n) throws SQLException {
        Instant since = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO open_session (officer_nip, check_in_id, mode,"
                     + " since, local_date, time_zone, unit_id, unverified, close_at, receive_time)"
                     + " VALUES (?, ?, 'OFFICE', ?, ?, 'Asia/Jakarta', ?, FALSE, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                POLICY.officer(nip(i), UNIT, MANAGER_NIP, null);
                ps.setString(1, nip(i));
                ps.setString(2, UUID.randomUUID().toString());
                ps.setObject(3, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
                ps.setObject(4, LocalDate.now());
                ps.setString(5, UNIT);
                ps.setObject(6, LocalDateTime.ofInstant(since.plusSeconds(86_400), ZoneOffset.UTC));
                ps.setObject(7, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void aWriteTurnedAwayByAnOverloadedWriterIsToldToRetryNeverRefusedForGood() throws Exception {
        checkedIn(OFFICERS);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<StatusRuntimeException>> answers = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try {
            for (int i = 0; i < OFFICERS; i++) {
                String nip = nip(i);
                CheckOutRequest out = officeCheckOut(nip).setIdempotencyKey("out-" + i).build();
                keys.add(out.getIdempotencyKey());
                answers.add(pool.submit(() -> {
                    go.await();
                    try {
                        as(nip, Role.OFFICER).withDeadlineAfter(30, TimeUnit.SECONDS).checkOut(out);
                        return null;
                    } catch (StatusRuntimeException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<String> definitive = new ArrayList<>();
            int turnedAway = 0;
            for (int i = 0; i < OFFICERS; i++) {
                StatusRuntimeException e = answers.get(i).get(60, TimeUnit.SECONDS);
                if (e == null) {
                    continue;
                }
                if (TRANSIENT.contains(e.getStatus().getCode())) {
                    turnedAway++;
                } else {
                    definitive.add(keys.get(i) + " " + e.getStatus().getCode() + " " + GrpcErrors.reason(e));
                }
            }
            assertTrue(turnedAway > 0, "the writer was overloaded: some writes were turned away");
            // Every officer had a check-in open: a lone check-out is never refused for good.
            assertEquals(List.of(), definitive);
        } finally {
            pool.shutdownNow();
        }
        // Writes taken before their deadline passed may still be committing: give them a moment.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long stored;
        do {
            Thread.sleep(50);
            stored = count("SELECT COUNT(*) FROM attendance_event WHERE kind = 'CHECK_OUT'");
        } while (stored + count("SELECT COUNT(*) FROM open_session") != OFFICERS && System.nanoTime() < until);
        assertEquals(OFFICERS, stored + count("SELECT COUNT(*) FROM open_session"),
                "each officer is either checked out once or still checked in");
    }
}
