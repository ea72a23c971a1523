package io.jeda.gateway.client;

import io.jeda.common.grpc.NoWaiting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.jeda.common.security.ServiceIdentity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.BatchGetCurrentStatusesRequest;
import io.jeda.attendance.v1.GetCurrentStatusRequest;
import io.jeda.attendance.v1.OfficerStatus;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.reachability.AttendanceNow;
import io.jeda.gateway.reachability.Sources;
import io.jeda.gateway.reachability.Sourced;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The gateway's client of attendance-service: whether an officer is checked in now and when they last
 * checked out (for the minimum rest after late work), read with the
 * gateway's SERVICE identity, a deadline on every call, and a short-lived Caffeine cache in front
 * (check-ins change the status, so it is kept for seconds, not minutes). It never throws for a slow
 * or failing attendance-service: the engine gets {@link Sourced#unavailable(String)} and answers from
 * the schedule alone, degraded.
 */
@Singleton
public class AttendanceClient implements AttendanceSource {

    private static final Logger LOG = LoggerFactory.getLogger(AttendanceClient.class);
    /** attendance-service's limit for one BatchGetCurrentStatuses. */
    private static final int BATCH = 500;

    private final AttendanceServiceGrpc.AttendanceServiceBlockingStub attendance;
    private final AttendanceServiceGrpc.AttendanceServiceFutureStub attendanceAsync;
    private volatile Duration fillDeadline = Duration.ofSeconds(5);
    private final GatewaySettings settings;
    /** A cached status and when it was read ({@link System#nanoTime()}). */
    private record Held(AttendanceNow now, long readAt) {
        Held(AttendanceNow now) {
            this(now, System.nanoTime());
        }
    }

    private final Cache<String, Held> statusCache;
    /** A status still asked about this long after it was read is read again in the background; 0: never. */
    private volatile long refreshAheadNanos;
    /**
     * The status reads under way, by officer: when a cached status expires while many requests ask
     * about the officer, one of them reads it and the others wait for that read, instead of each
     * calling attendance-service (a herd of identical calls every expiry, under load).
     */
    private final ConcurrentHashMap<String, CompletableFuture<Sourced<AttendanceNow>>> reading =
            new ConcurrentHashMap<>();

    public AttendanceClient(@GrpcChannel("attendance") ManagedChannel channel, ServiceIdentity token,
                            GatewaySettings settings) {
        this.attendance = AttendanceServiceGrpc.newBlockingStub(channel).withCallCredentials(token);
        this.attendanceAsync = AttendanceServiceGrpc.newFutureStub(channel).withCallCredentials(token);
        this.settings = settings;
        this.statusCache = Caffeine.newBuilder().maximumSize(settings.cacheMaxSize())
                .expireAfterWrite(settings.statusExpiry()).recordStats().build();
    }

    /**
     * How long one status read may take to fill the cache ({@code jeda.gateway.attendance.fill-deadline});
     * each request still waits for it at most its own deadline.
     */
    /**
     * How old a cached status may grow before a question about the officer starts a new read in the
     * background ({@code jeda.gateway.cache.status-refresh-ahead}); the cached one is still answered
     * meanwhile, so a status in use is never missing and no question waits for its read. 0 turns it off.
     */
    @Inject
    void refreshAhead(@Value("${jeda.gateway.cache.status-refresh-ahead:4s}") Duration refreshAhead) {
        this.refreshAheadNanos = refreshAhead.isNegative() ? 0 : refreshAhead.toNanos();
    }

    @Inject
    void fillDeadline(@Value("${jeda.gateway.attendance.fill-deadline:5s}") Duration fillDeadline) {
        this.fillDeadline = fillDeadline.compareTo(settings.attendanceDeadline()) > 0 ? fillDeadline
                : settings.attendanceDeadline();
    }

    /** The cache by metric name, for its hit-rate metrics. */
    public Map<String, Cache<?, ?>> caches() {
        return Map.of("attendance.status", statusCache);
    }

    @Override
    public void forget(String nip) {
        statusCache.invalidate(nip);
        reading.remove(nip);
    }

    /** Drops every cached status; for tests that change what the fake attendance-service answers. */
    public void invalidateAll() {
        statusCache.invalidateAll();
        reading.clear();
    }

    /**
     * One call with the per-call deadline cut to the request's budget; anything that goes wrong
     * becomes unavailable and is remembered for the rest of the request.
     */
    private <T> Sourced<T> call(String what, Function<Long, T> rpc) {
        Duration d = AnswerBudget.callDeadline(Sources.ATTENDANCE, settings.attendanceDeadline());
        if (d.isZero() || d.isNegative()) {
            return Sourced.unavailable(Sources.ATTENDANCE);
        }
        try {
            return Sourced.of(rpc.apply(d.toNanos()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                // attendance-service has never seen the officer: no open check-in, as its batch says too.
                return Sourced.of(null);
            }
            AnswerBudget.failed(Sources.ATTENDANCE);
            LOG.warn("attendance-service {} failed: {}", what, e.getStatus().getCode());
            return Sourced.unavailable(Sources.ATTENDANCE);
        } catch (RuntimeException e) {
            AnswerBudget.failed(Sources.ATTENDANCE);
            LOG.warn("attendance-service {} failed", what, e);
            return Sourced.unavailable(Sources.ATTENDANCE);
        }
    }

    @Override
    public Sourced<AttendanceNow> attendance(String nip) {
        Held cached = statusCache.getIfPresent(nip);
        if (cached != null) {
            long ahead = refreshAheadNanos;
            if (ahead > 0 && System.nanoTime() - cached.readAt() > ahead && !reading.containsKey(nip)) {
                CompletableFuture<Sourced<AttendanceNow>> mine = new CompletableFuture<>();
                if (reading.putIfAbsent(nip, mine) == null) {
                    read(nip, mine);
                }
            }
            return Sourced.of(cached.now());
        }
        NoWaiting.check();
        CompletableFuture<Sourced<AttendanceNow>> mine = new CompletableFuture<>();
        CompletableFuture<Sourced<AttendanceNow>> other = reading.putIfAbsent(nip, mine);
        if (other != null) {
            return awaitOther(other);
        }
        Duration d = AnswerBudget.callDeadline(Sources.ATTENDANCE, settings.attendanceDeadline());
        if (d.isZero() || d.isNegative()) {
            reading.remove(nip, mine);
            mine.complete(Sourced.unavailable(Sources.ATTENDANCE));
            return Sourced.unavailable(Sources.ATTENDANCE);
        }
        read(nip, mine);
        return awaitOther(mine);
    }

    @Override
    public void begin(String nip) {
        if (statusCache.getIfPresent(nip) != null || reading.containsKey(nip)) {
            return;
        }
        Duration d = AnswerBudget.callDeadline(Sources.ATTENDANCE, settings.attendanceDeadline());
        if (d.isZero() || d.isNegative()) {
            return;
        }
        CompletableFuture<Sourced<AttendanceNow>> mine = new CompletableFuture<>();
        if (reading.putIfAbsent(nip, mine) == null) {
            read(nip, mine);
        }
    }

    /**
     * Reads the status with its own deadline ({@link #fillDeadline}), detached from the request that
     * started it: a request waits for it no longer than its own deadline, but a slow answer still
     * fills the cache for the requests after it, instead of every request timing out, caching
     * nothing and asking again while attendance-service is slow.
     */
    private void read(String nip, CompletableFuture<Sourced<AttendanceNow>> done) {
        ListenableFuture<OfficerStatus> call;
        Context detached = Context.current().fork();
        Context previous = detached.attach();
        try {
            call = attendanceAsync.withDeadlineAfter(fillDeadline.toNanos(), TimeUnit.NANOSECONDS)
                    .getCurrentStatus(GetCurrentStatusRequest.newBuilder().setOfficer(AttendanceMapper.name(nip)).build());
        } catch (RuntimeException e) {
            reading.remove(nip, done);
            LOG.warn("attendance-service GetCurrentStatus failed", e);
            done.complete(Sourced.unavailable(Sources.ATTENDANCE));
            return;
        } finally {
            detached.detach(previous);
        }
        Futures.addCallback(call, new FutureCallback<OfficerStatus>() {
            @Override
            public void onSuccess(OfficerStatus status) {
                settle(AttendanceMapper.now(status));
            }

            @Override
            public void onFailure(Throwable t) {
                if (t instanceof StatusRuntimeException e && e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    // attendance-service has never seen the officer: no open check-in, as its batch says too.
                    settle(null);
                    return;
                }
                reading.remove(nip, done);
                if (t instanceof StatusRuntimeException e) {
                    LOG.warn("attendance-service GetCurrentStatus failed: {}", e.getStatus().getCode());
                } else {
                    LOG.warn("attendance-service GetCurrentStatus failed", t);
                }
                done.complete(Sourced.unavailable(Sources.ATTENDANCE));
            }

            private void settle(AttendanceNow got) {
                AttendanceNow now = got == null ? AttendanceNow.none() : got;
                // Not cached when the status was forgotten meanwhile (a check-in through this gateway).
                if (reading.remove(nip, done)) {
                    statusCache.put(nip, new Held(now));
                }
                done.complete(Sourced.of(now));
            }
        }, MoreExecutors.directExecutor());
    }

    /**
     * Waits for another request's read of the same status, no longer than this request would wait
     * for its own call; an unavailable outcome counts against this request's budget too.
     */
    private Sourced<AttendanceNow> awaitOther(CompletableFuture<Sourced<AttendanceNow>> other) {
        Duration d = AnswerBudget.callDeadline(Sources.ATTENDANCE, settings.attendanceDeadline());
        if (d.isZero() || d.isNegative()) {
            return Sourced.unavailable(Sources.ATTENDANCE);
        }
        Sourced<AttendanceNow> got;
        try {
            got = other.get(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = Sourced.unavailable(Sources.ATTENDANCE);
        } catch (ExecutionException | TimeoutException e) {
            got = Sourced.unavailable(Sources.ATTENDANCE);
        }
        if (!got.available()) {
            AnswerBudget.failed(Sources.ATTENDANCE);
        }
        return got;
    }

    /**
     * Reads the statuses of many officers in BatchGetCurrentStatuses calls (500 at most each) into the
     * cache, so that answering a batch or a unit page costs one call instead of one per officer. A
     * failure is only remembered in the request's budget: the officers' answers then say attendance
     * was unavailable.
     */
    @Override
    public void prefetch(Collection<String> nips) {
        List<String> missing = new ArrayList<>();
        for (String nip : new LinkedHashSet<>(nips)) {
            if (statusCache.getIfPresent(nip) == null) {
                missing.add(nip);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> chunk = missing.subList(from, Math.min(from + BATCH, missing.size()));
            Sourced<List<OfficerStatus>> got = call("BatchGetCurrentStatuses", n -> attendance
                    .withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                    .batchGetCurrentStatuses(BatchGetCurrentStatusesRequest.newBuilder()
                            .addAllOfficers(chunk.stream().map(AttendanceMapper::name).toList()).build())
                    .getStatusesList());
            if (!got.available()) {
                return;
            }
            if (got.value() != null) {
                for (OfficerStatus s : got.value()) {
                    String nip = AttendanceMapper.nip(s.getOfficer());
                    if (nip != null) {
                        statusCache.put(nip, new Held(AttendanceMapper.now(s)));
                    }
                }
            }
        }
    }
}
