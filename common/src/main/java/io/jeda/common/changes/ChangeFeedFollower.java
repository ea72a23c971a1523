package io.jeda.common.changes;

import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.jeda.policy.v1.Change;
import io.jeda.policy.v1.ChangeFeedServiceGrpc;
import io.jeda.policy.v1.WatchChangesRequest;
import io.jeda.policy.v1.WatchChangesResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows policy-service's change feed (jeda.policy.v1.ChangeFeedService.WatchChanges) and drops
 * what a service caches about each change: one officer's entries, one unit's, or everything. It
 * remembers the last sequence applied and, after the stream breaks (policy-service restarted, the
 * network, a silence longer than the silence timeout), opens it again from there every retry
 * interval, so no change still in the outbox is missed; a caller too far behind is told to reset
 * and drops everything. The caches' TTLs stay as the safety net for whatever the feed cannot say.
 * <p>
 * Metrics: {@code jeda_change_feed_events_applied_total{scope}}, {@code jeda_change_feed_lag_seconds}
 * (commit in policy-service to applied here), {@code jeda_change_feed_behind} (sequences the last
 * heartbeat said were newer than the last applied) and {@code jeda_change_feed_connected}.
 */
public final class ChangeFeedFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedFollower.class);

    /** What the service drops for each kind of change. Called on a gRPC thread; must be quick. */
    public interface Caches {
        void officerChanged(String nip);

        void unitChanged(String unitId);

        void everythingChanged();
    }

    /**
     * @param retryInterval  how long after a broken stream it is opened again
     * @param silenceTimeout a stream silent this long (no change, no heartbeat) is taken for dead
     */
    public record Settings(boolean enabled, Duration retryInterval, Duration silenceTimeout) {
    }

    private final ChangeFeedServiceGrpc.ChangeFeedServiceStub stub;
    private final Caches caches;
    private final Settings settings;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timer;
    private final AtomicLong lastApplied = new AtomicLong();
    private final AtomicLong behind = new AtomicLong();
    private final AtomicLong connected = new AtomicLong();
    private final AtomicReference<ClientCallStreamObserver<WatchChangesRequest>> call = new AtomicReference<>();
    private final Map<io.jeda.policy.v1.ChangeScope, Counter> applied = new EnumMap<>(io.jeda.policy.v1.ChangeScope.class);
    private final Timer lag;
    private volatile Instant lastHeard = Instant.EPOCH;
    private volatile boolean closed;
    private volatile boolean warned;

    public ChangeFeedFollower(Channel channel, CallCredentials credentials, Caches caches, Settings settings,
                              MeterRegistry registry) {
        this.stub = ChangeFeedServiceGrpc.newStub(channel).withCallCredentials(credentials);
        this.caches = caches;
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "change-feed-follower");
            t.setDaemon(true);
            return t;
        });
        for (io.jeda.policy.v1.ChangeScope s : new io.jeda.policy.v1.ChangeScope[] {
                io.jeda.policy.v1.ChangeScope.CHANGE_SCOPE_OFFICER, io.jeda.policy.v1.ChangeScope.CHANGE_SCOPE_UNIT,
                io.jeda.policy.v1.ChangeScope.CHANGE_SCOPE_ALL}) {
            applied.put(s, Counter.builder("jeda.change.feed.events.applied")
                    .description("Changes from policy-service's change feed applied to this service's caches")
                    .tag("scope", s.name().substring("CHANGE_SCOPE_".length()).toLowerCase())
                    .register(registry));
        }
        this.lag = Timer.builder("jeda.change.feed.lag")
                .description("From a change's commit in policy-service to its application to this service's caches")
                .register(registry);
        registry.gauge("jeda.change.feed.behind", behind);
        registry.gauge("jeda.change.feed.connected", connected);
    }

    /** Opens the stream (from now: everything cached before is dropped on the first message) and keeps it open. */
    public ChangeFeedFollower start() {
        if (!settings.enabled()) {
            return this;
        }
        timer.execute(this::open);
        long check = Math.max(100, settings.silenceTimeout().toMillis() / 3);
        timer.scheduleWithFixedDelay(this::checkSilence, check, check, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The last sequence applied (0 before the first message). */
    public long lastApplied() {
        return lastApplied.get();
    }

    /** True while a stream is open and has answered. */
    public boolean connected() {
        return connected.get() == 1;
    }

    private void open() {
        if (closed) {
            return;
        }
        long after = lastApplied.get();
        lastHeard = clock.instant();
        stub.watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(after).build(), new Observer(after == 0));
    }

    private void checkSilence() {
        ClientCallStreamObserver<WatchChangesRequest> c = call.get();
        if (c != null && Duration.between(lastHeard, clock.instant()).compareTo(settings.silenceTimeout()) > 0) {
            LOG.warn("change feed: nothing heard for {}; reconnecting", settings.silenceTimeout());
            c.cancel("silent for longer than " + settings.silenceTimeout(), null);
        }
    }

    private void reopenLater(Status status) {
        connected.set(0);
        call.set(null);
        if (closed) {
            return;
        }
        if (!warned) {
            warned = true;
            LOG.warn("change feed: stream ended ({}); reopening from sequence {} every {}", status.getCode(),
                    lastApplied.get(), settings.retryInterval());
        } else {
            LOG.debug("change feed: stream ended ({})", status);
        }
        timer.schedule(this::open, Math.max(10, settings.retryInterval().toMillis()), TimeUnit.MILLISECONDS);
    }

    private final class Observer implements ClientResponseObserver<WatchChangesRequest, WatchChangesResponse> {
        private boolean fresh;

        Observer(boolean fresh) {
            this.fresh = fresh;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchChangesRequest> requestStream) {
            call.set(requestStream);
        }

        @Override
        public void onNext(WatchChangesResponse m) {
            lastHeard = clock.instant();
            if (connected.getAndSet(1) == 0 && warned) {
                warned = false;
                LOG.info("change feed: following again from sequence {}", lastApplied.get());
            }
            if (fresh) {
                // Started from now: whatever was cached before the stream opened may have missed a change.
                fresh = false;
                caches.everythingChanged();
            }
            if (m.hasHeartbeat()) {
                long head = m.getHeartbeat().getSequence();
                if (lastApplied.get() == 0) {
                    lastApplied.set(head);
                }
                behind.set(Math.max(0, head - lastApplied.get()));
                return;
            }
            Change c = m.getChange();
            if (c.getReset()) {
                caches.everythingChanged();
                applied.get(io.jeda.policy.v1.ChangeScope.CHANGE_SCOPE_ALL).increment();
                lastApplied.set(Math.max(0, c.getSequence()));
                return;
            }
            switch (c.getScope()) {
                case CHANGE_SCOPE_OFFICER -> caches.officerChanged(strip(c.getOfficer(), "officers/"));
                case CHANGE_SCOPE_UNIT -> caches.unitChanged(strip(c.getUnit(), "units/"));
                default -> caches.everythingChanged();
            }
            Counter counter = applied.get(c.getScope());
            if (counter != null) {
                counter.increment();
            }
            lastApplied.set(c.getSequence());
            behind.set(0);
            Instant committed = Instant.ofEpochSecond(c.getChangeTime().getSeconds(), c.getChangeTime().getNanos());
            lag.record(Duration.between(committed, clock.instant()).abs());
        }

        @Override
        public void onError(Throwable t) {
            reopenLater(Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            reopenLater(Status.OK);
        }
    }

    private static String strip(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    @Override
    public void close() {
        closed = true;
        ClientCallStreamObserver<WatchChangesRequest> c = call.getAndSet(null);
        if (c != null) {
            c.cancel("closing", null);
        }
        timer.shutdownNow();
    }
}
