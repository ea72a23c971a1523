package io.jeda.gateway.audit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit queue's promises: nothing lost on overflow or graceful shutdown, sync mode writes at once. */
class AuditLogTest {

    /** Records batches; optionally blocks so that the queue fills up. */
    static class Recording implements AuditRepository {
        final List<List<AuditEntry>> batches = new CopyOnWriteArrayList<>();

        @Override
        public AuditEntry save(AuditEntry entry) {
            batches.add(List.of(entry));
            return entry;
        }

        @Override
        public List<AuditEntry> saveAll(Iterable<AuditEntry> entries) {
            List<AuditEntry> l = new ArrayList<>();
            entries.forEach(l::add);
            batches.add(l);
            return l;
        }

        @Override
        public List<AuditEntry> listByOfficer(String nip, java.time.Instant since, java.time.Instant until, int limit, long offset) {
            return List.of();
        }

        int rows() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    private static List<AuditEntry> entries(int n) {
        return IntStream.range(0, n).mapToObj(i -> new AuditEntry(null, Instant.EPOCH, "c", "nip" + i, "ROUTINE",
                "OFF_DUTY", false, false, "e" + i)).toList();
    }

    @Test
    void syncModeWritesBeforeReturning() {
        Recording repo = new Recording();
        AuditLog log = new AuditLog(repo, "sync", 10, 5, Duration.ofHours(1));
        log.append(entries(3));
        assertEquals(3, repo.rows());
        log.close();
    }

    @Test
    void aFullQueueMakesTheCallerWriteInsteadOfLosingRows() throws InterruptedException {
        CountDownLatch drainerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recording repo = new Recording() {
            @Override
            public List<AuditEntry> saveAll(Iterable<AuditEntry> entries) {
                if (Thread.currentThread().getName().equals("audit-drainer") && drainerBusy.getCount() > 0) {
                    drainerBusy.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.saveAll(entries);
            }
        };
        AuditLog log = new AuditLog(repo, "async", 4, 1, Duration.ofMillis(10));
        log.append(entries(1));
        assertTrue(drainerBusy.await(5, TimeUnit.SECONDS), "the drainer took the first row");

        log.append(entries(10));

        assertEquals(6, repo.rows(), "4 rows queued, the 6 that did not fit written by the caller");
        release.countDown();
        log.close();
        assertEquals(11, repo.rows(), "nothing lost");
    }

    @Test
    void gracefulShutdownWritesWhatIsQueuedInBatches() {
        Recording repo = new Recording();
        AuditLog log = new AuditLog(repo, "async", 1000, 100, Duration.ofMillis(50));
        log.append(entries(250));
        log.close();
        assertEquals(250, repo.rows());
        assertTrue(repo.batches.stream().allMatch(b -> b.size() <= 100), "batches of at most batch-size");
    }

    @Test
    void underLoadAnswersArrivingWithinTheLingerShareOneWrite() throws InterruptedException {
        List<List<AuditEntry>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch firstWritten = new CountDownLatch(1);
        AuditLog log = new AuditLog(b -> {
            batches.add(List.copyOf(b));
            firstWritten.countDown();
        }, "async", 1000, 100, Duration.ofMillis(10), null, Duration.ZERO, Duration.ofSeconds(2));
        log.append(entries(1));
        assertTrue(firstWritten.await(5, TimeUnit.SECONDS));
        // Two more bursts during the linger after the first (partial) batch: one write, not two.
        log.append(entries(30));
        Thread.sleep(50);
        log.append(entries(30));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batches.stream().mapToInt(List::size).sum() < 61 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(List.of(1, 60), batches.stream().map(List::size).toList(),
                "the bursts after the first batch were written as " + batches.size() + " batches");
        // A full batch does not wait for the linger.
        long t0 = System.nanoTime();
        log.append(entries(100));
        while (batches.size() < 3 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(5);
        }
        assertEquals(3, batches.size());
        assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(1500),
                "a full batch waited for the linger");
        log.close();
    }
}
