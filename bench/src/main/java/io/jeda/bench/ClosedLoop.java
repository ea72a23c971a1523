package io.jeda.bench;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: N clients, each issuing one call after another for a fixed time, recording
 * the latency of each successful call. Failed calls are counted, not timed.
 * <p>
 * The clients are not threads: each call is asynchronous, and its completion (on the channel's
 * own thread) starts the client's next one. A thread per client blocked in its call cost the
 * driver as much CPU as the service it measured, on the same two cores; this way the driver stays
 * small and the figures are the service's.
 */
final class ClosedLoop {

    /** Starts one client's next call; the future fails when the call does. */
    interface Call {
        ListenableFuture<?> start(int client, long seq) throws Exception;
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

    /** One client: its latencies so far. Only the client's own (serial) calls touch it. */
    private static final class Client {
        final int id;
        long[] latencies = new long[1 << 16];
        int n;
        long seq;

        Client(int id) {
            this.id = id;
        }

        void record(long nanos) {
            if (n == latencies.length) {
                latencies = java.util.Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = nanos;
        }
    }

    private final Call call;
    private final long deadline;
    private final AtomicLong failed = new AtomicLong();
    private final CountDownLatch finished;

    private ClosedLoop(Call call, long deadline, int clients) {
        this.call = call;
        this.deadline = deadline;
        this.finished = new CountDownLatch(clients);
    }

    static Result run(int clients, double seconds, Call call) throws InterruptedException {
        long begin = System.nanoTime();
        ClosedLoop loop = new ClosedLoop(call, begin + (long) (seconds * 1e9), clients);
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client c = new Client(i);
            all.add(c);
            loop.next(c);
        }
        loop.finished.await();
        double elapsed = (System.nanoTime() - begin) / 1e9;
        List<long[]> samples = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Client c : all) {
            samples.add(c.latencies);
            counts.add(c.n);
        }
        long[] sorted = Stats.merge(samples, counts);
        return new Result(sorted.length, loop.failed.get(), elapsed, sorted);
    }

    /** Starts the client's calls until the deadline; a call that completes at once loops here. */
    private void next(Client c) {
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            ListenableFuture<?> f;
            try {
                f = call.start(c.id, c.seq++);
            } catch (Exception e) {
                failed.incrementAndGet();
                continue;
            }
            if (!f.isDone()) {
                // The next call starts from the root context: started inside the completed call's
                // callback it would be a child of that call's context, and the chain grows by one
                // generation per call until grpc-java complains (and slows down) past 1,000.
                f.addListener(() -> Context.ROOT.run(() -> {
                    settle(c, f, t0);
                    next(c);
                }), MoreExecutors.directExecutor());
                return;
            }
            settle(c, f, t0);
        }
        finished.countDown();
    }

    private void settle(Client c, ListenableFuture<?> f, long t0) {
        long dt = System.nanoTime() - t0;
        try {
            f.get();
            c.record(dt);
        } catch (ExecutionException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.incrementAndGet();
        }
    }
}
