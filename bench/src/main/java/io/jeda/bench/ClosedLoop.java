package io.jeda.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: N clients, each issuing one call after another for a fixed time, recording
 * the latency of each successful call. Failed calls are counted, not timed.
 */
final class ClosedLoop {

    /** One client's next call; returns normally on success, throws on failure. */
    interface Call {
        void run(int client, long seq) throws Exception;
    }

    /** What a run measured. */
    record Result(long ok, long failed, double seconds, long[] sortedLatencyNanos) {
        double rate() {
            return ok / seconds;
        }

        double p50() {
            return Stats.percentileMillis(sortedLatencyNanos, 50);
        }

        double p99() {
            return Stats.percentileMillis(sortedLatencyNanos, 99);
        }
    }

    private ClosedLoop() {
    }

    static Result run(int clients, double seconds, Call call) throws InterruptedException {
        AtomicLong failed = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<long[]> samples = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            samples.add(new long[1 << 16]);
            counts.add(0);
        }
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            final int client = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long[] mine = samples.get(client);
                int n = 0;
                long seq = 0;
                while (System.nanoTime() < deadline[0]) {
                    long t0 = System.nanoTime();
                    try {
                        call.run(client, seq++);
                        long dt = System.nanoTime() - t0;
                        if (n == mine.length) {
                            mine = java.util.Arrays.copyOf(mine, n * 2);
                            samples.set(client, mine);
                        }
                        mine[n++] = dt;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                synchronized (counts) {
                    counts.set(client, n);
                }
            }, "load-" + t);
            threads.add(th);
            th.start();
        }
        long begin = System.nanoTime();
        deadline[0] = begin + (long) (seconds * 1e9);
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long[] sorted = Stats.merge(samples, counts);
        return new Result(sorted.length, failed.get(), elapsed, sorted);
    }
}
