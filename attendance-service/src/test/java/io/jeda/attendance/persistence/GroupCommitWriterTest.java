package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.Verification;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group commit under overload: a bounded queue, a deadline, and a clean stop. */
class GroupCommitWriterTest {

    private static AttendanceEvent event(String key) {
        Instant now = Instant.now();
        return new AttendanceEvent(key, "198503152010011001", EventKind.CHECK_IN, AttendanceMode.OFFICE, key,
                "f", now, now, now, LocalDate.now(), "Asia/Jakarta", null, 0.0, 0.0, 1.0, "phone", "",
                Verification.VERIFIED, null, null);
    }

    private static OpenSession session(AttendanceEvent e) {
        return new OpenSession(e.officerNip(), e.id(), e.mode(), e.recordTime(), e.localDate(), e.timeZone(), null,
                false, e.recordTime(), e.receiveTime());
    }

    /** No batch in this test reaches the database: a lone write goes through the store. */
    private static DataSource noDatabase() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isWrapperFor")) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static JedaException refusal(Throwable t) {
        Throwable cause = t instanceof ExecutionException ? t.getCause() : t;
        return assertInstanceOf(JedaException.class, cause);
    }

    @Test
    void aFullQueueIsRefusedAtOnceAStuckWriteTimesOutAndAStoppedWriterRefuses() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AttendanceStore stuck = new AttendanceStore(null, null) {
            @Override
            public void checkIn(AttendanceEvent event, OpenSession session) {
                writing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        // One writer, room for one waiting write, 400 ms to commit.
        GroupCommitWriter writer = new GroupCommitWriter(stuck, noDatabase(), 8, 1, 1, Duration.ofMillis(400));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AttendanceEvent a = event("a");
            Future<?> first = pool.submit(() -> writer.checkIn(a, session(a)));
            assertTrue(writing.await(5, TimeUnit.SECONDS), "the writer takes the first write");
            AttendanceEvent b = event("b");
            Future<?> queued = pool.submit(() -> writer.checkIn(b, session(b)));
            Thread.sleep(100);

            long start = System.nanoTime();
            AttendanceEvent c = event("c");
            JedaException full = assertThrows(JedaException.class, () -> writer.checkIn(c, session(c)));
            assertEquals(ErrorKind.RESOURCE_EXHAUSTED, full.kind());
            assertEquals("WRITE_QUEUE_FULL", full.reason());
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(300), "refused without waiting");

            for (Future<?> f : new Future<?>[]{first, queued}) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
                assertEquals(ErrorKind.UNAVAILABLE, refusal(e).kind());
                assertEquals("WRITE_TIMEOUT", refusal(e).reason());
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        writer.close();
        AttendanceEvent d = event("d");
        JedaException stopped = assertThrows(JedaException.class, () -> writer.checkIn(d, session(d)));
        assertEquals(ErrorKind.UNAVAILABLE, stopped.kind());
        assertEquals("WRITER_STOPPED", stopped.reason());
    }
}
