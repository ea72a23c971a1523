package io.jeda.attendance.persistence;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceMode;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.OpenSession;
import io.jeda.attendance.domain.Verification;
import io.jeda.attendance.domain.WriteOutcome;
import io.jeda.attendance.domain.WriteOutcome.Reason;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

    private static Reason refusal(Object outcome) {
        return assertInstanceOf(WriteOutcome.Refused.class, outcome).reason();
    }

    @Test
    void aFullQueueIsRefusedAtOnceAStuckWriteTimesOutAndAStoppedWriterRefuses() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CheckStore stuck = new CheckStore(noDatabase()) {
            @Override
            public WriteOutcome checkIn(AttendanceEvent event, OpenSession session) {
                writing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new WriteOutcome.Stored(event);
            }
        };
        // One writer, room for one waiting write, 400 ms to commit.
        GroupCommitWriter writer = new GroupCommitWriter(stuck, noDatabase(), 8, 1, 1, Duration.ofMillis(400), true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AttendanceEvent a = event("a");
            Future<WriteOutcome> first = pool.submit(() -> writer.checkIn(a, session(a)));
            assertTrue(writing.await(5, TimeUnit.SECONDS), "the writer takes the first write");
            AttendanceEvent b = event("b");
            Future<WriteOutcome> queued = pool.submit(() -> writer.checkIn(b, session(b)));
            Thread.sleep(100);

            long start = System.nanoTime();
            AttendanceEvent c = event("c");
            assertEquals(Reason.WRITE_QUEUE_FULL, refusal(writer.checkIn(c, session(c))));
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(300), "refused without waiting");

            // Transient, whether the write was taken (and may still commit) or never will be.
            assertEquals(Reason.WRITE_TIMEOUT, refusal(first.get(5, TimeUnit.SECONDS)));
            assertEquals(Reason.WRITE_TIMEOUT, refusal(queued.get(5, TimeUnit.SECONDS)));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        writer.close();
        AttendanceEvent d = event("d");
        assertEquals(Reason.WRITER_STOPPED, refusal(writer.checkIn(d, session(d))));
        for (Reason r : new Reason[]{Reason.WRITE_QUEUE_FULL, Reason.WRITE_TIMEOUT, Reason.WRITER_STOPPED}) {
            assertTrue(r.isTransient(), r.name());
        }
    }
}
