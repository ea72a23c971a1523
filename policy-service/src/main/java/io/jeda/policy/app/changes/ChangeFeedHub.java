package io.jeda.policy.app.changes;

import io.jeda.policy.domain.changes.ChangeEvent;
import io.jeda.policy.persistence.ChangeEventRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reading side of the change feed in one policy-service replica: one thread reads the outbox
 * every poll interval (so changes committed through any replica are seen), sends each new change to
 * every open stream, replays the changes a returning caller missed, sends heartbeats and deletes
 * changes older than the retention. Everything that touches a stream runs on that one thread, so a
 * stream's messages never interleave and a replay cannot race a live change.
 */
@Context
public class ChangeFeedHub {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedHub.class);
    private static final int BATCH = 500;
    private static final int PRUNE_BATCH = 5_000;

    /** One open stream. Each method returns false once the stream is gone; it is then dropped. */
    public interface Subscriber {
        boolean change(ChangeEvent event);

        boolean heartbeat(long sequence, Instant at);

        /** The caller's sequence is no longer held: it must drop everything; the feed goes on from {@code sequence}. */
        boolean reset(long sequence, Instant at);

        /** The outbox cannot be read now; the stream ends and the caller comes back later. */
        void unavailable();
    }

    private final ChangeEventRepository events;
    private final ChangeFeedSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong headGauge = new AtomicLong();
    /** The newest sequence sent; -1 until the outbox was first read. Only the feed's thread touches it. */
    private long head = -1;
    /** When (System.nanoTime) the sequence after {@link #head} was first seen missing; 0: no gap. */
    private long gapSince;

    public ChangeFeedHub(ChangeEventRepository events, ChangeFeedSettings settings, @Nullable Clock clock,
                         @Nullable MeterRegistry registry) {
        this.events = events;
        this.settings = settings;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "change-feed");
            t.setDaemon(true);
            return t;
        });
        if (registry != null) {
            registry.gauge("jeda.change.feed.sequence", headGauge);
            registry.gauge("jeda.change.feed.streams", subscribers, List::size);
        }
        long poll = Math.max(10, settings.pollInterval().toMillis());
        thread.scheduleWithFixedDelay(guarded(this::poll), 0, poll, TimeUnit.MILLISECONDS);
        long beat = Math.max(100, settings.heartbeatInterval().toMillis());
        thread.scheduleWithFixedDelay(guarded(this::heartbeat), beat, beat, TimeUnit.MILLISECONDS);
        long clean = Math.max(1_000, settings.cleanupInterval().toMillis());
        thread.scheduleWithFixedDelay(guarded(this::prune), clean, clean, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream from the change after {@code after} (0: from now). The caller first gets what it
     * missed, or a reset when the outbox no longer holds it, then every new change.
     */
    public void subscribe(long after, Subscriber s) {
        thread.execute(guarded(() -> open(after, s)));
    }

    private void open(long after, Subscriber s) {
        if (!ready()) {
            // The database is not answering: the caller reconnects and asks again.
            s.unavailable();
            return;
        }
        if (after <= 0) {
            if (s.heartbeat(head, clock.instant())) {
                subscribers.add(s);
            }
            return;
        }
        if (after > head) {
            // The caller may come from a replica that read the outbox a moment before this one did.
            poll();
        }
        long oldest = events.oldest();
        boolean missed = after > head || (oldest == 0 ? after < head : after < oldest - 1);
        if (!missed) {
            long cursor = after;
            int sent = 0;
            while (cursor < head) {
                List<ChangeEvent> page = events.after(cursor, BATCH);
                if (page.isEmpty()) {
                    break;
                }
                for (ChangeEvent e : page) {
                    if (e.seq() > head) {
                        break;
                    }
                    if (++sent > settings.maxReplay()) {
                        missed = true;
                        break;
                    }
                    if (!s.change(e)) {
                        return;
                    }
                    cursor = e.seq();
                }
                if (missed || page.get(page.size() - 1).seq() >= head) {
                    break;
                }
            }
        }
        if (missed) {
            LOG.info("change feed: a caller at sequence {} is reset to {} (outbox holds from {})", after, head, oldest);
            if (!s.reset(head, clock.instant())) {
                return;
            }
        }
        subscribers.add(s);
    }

    private boolean ready() {
        if (head >= 0) {
            return true;
        }
        try {
            head = events.newest();
            headGauge.set(head);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("change feed: the outbox cannot be read: {}", e.toString());
            return false;
        }
    }

    private void poll() {
        if (!ready()) {
            return;
        }
        while (true) {
            List<ChangeEvent> page = events.after(head, BATCH);
            if (page.isEmpty()) {
                long newest = events.newest();
                if (newest < head) {
                    // The outbox went back (the database was restored or emptied): what each caller
                    // holds may be from the lost future, so every one starts again from here.
                    LOG.warn("change feed: the outbox went back from sequence {} to {}; resetting every stream",
                            head, newest);
                    head = newest;
                    headGauge.set(head);
                    Instant now = clock.instant();
                    subscribers.removeIf(s -> !s.reset(head, now));
                }
                return;
            }
            int taken = 0;
            for (ChangeEvent e : page) {
                if (e.seq() != head + 1) {
                    // Measured on the monotonic clock: the service's clock may be a test's pinned one.
                    long now = System.nanoTime();
                    if (gapSince == 0) {
                        gapSince = now;
                    }
                    if (now - gapSince < settings.gapWait().toNanos()) {
                        break;
                    }
                }
                gapSince = 0;
                head = e.seq();
                taken++;
                subscribers.removeIf(s -> !s.change(e));
            }
            headGauge.set(head);
            if (taken < BATCH) {
                return;
            }
        }
    }

    private void heartbeat() {
        if (ready()) {
            Instant now = clock.instant();
            subscribers.removeIf(s -> !s.heartbeat(head, now));
        }
    }

    private void prune() {
        if (!ready()) {
            return;
        }
        Instant before = clock.instant().minus(settings.retention());
        int deleted;
        int total = 0;
        do {
            deleted = events.prune(before, head, PRUNE_BATCH);
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        if (total > 0) {
            LOG.info("change feed: deleted {} changes older than {}", total, settings.retention());
        }
    }

    private static Runnable guarded(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("change feed: {}", e.toString());
            }
        };
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
        subscribers.clear();
    }
}
