package io.jeda.gateway.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.jeda.common.grpc.Pages;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.UnitName;
import io.jeda.common.security.ServiceIdentity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.reachability.DaySchedule;
import io.jeda.gateway.reachability.OfficerProfile;
import io.jeda.gateway.reachability.OnCallSlot;
import io.jeda.gateway.reachability.Sources;
import io.jeda.gateway.reachability.Sourced;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.GetOfficerSchedulesRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.ListRostersResponse;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.ListUnitsResponse;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The gateway's client of policy-service: officers, effective schedules, rosters and their on-call
 * slots, read with the gateway's SERVICE identity, a deadline on every call, and Caffeine caches
 * (bounded, expiring) in front. It never throws for a slow or failing policy-service: the engine
 * gets {@link Sourced#unavailable(String)} and answers degraded.
 */
@Singleton
public class PolicyClient {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyClient.class);
    private static final int PAGE = 500;

    private record DayKey(String nip, LocalDate date) {
    }

    /** A run of consecutive days of one officer, as one ListEffectiveSchedules read. */
    private record RangeKey(String nip, LocalDate from, int days) {
    }

    /** An officer with their days around an instant (to the minute), as one GetOfficerSchedules read. */
    private record AroundKey(String nip, Instant at, int before, int after) {
    }

    /** What one GetOfficerSchedules read gave: the officer (null when unknown) and their days. */
    private record OfficerDays(OfficerProfile officer, List<DaySchedule> days) {
    }

    private final OfficerServiceGrpc.OfficerServiceBlockingStub officers;
    private final ScheduleServiceGrpc.ScheduleServiceBlockingStub schedules;
    private final RosterServiceGrpc.RosterServiceBlockingStub rosters;
    private final UnitServiceGrpc.UnitServiceBlockingStub units;
    private final OfficerServiceGrpc.OfficerServiceFutureStub officersAsync;
    private final ScheduleServiceGrpc.ScheduleServiceFutureStub schedulesAsync;
    /**
     * The officer and schedule reads under way, by key: requests that miss the cache while a read of
     * the same key is under way wait for it instead of each calling policy-service.
     */
    private final ConcurrentHashMap<Object, CompletableFuture<Object>> reading = new ConcurrentHashMap<>();
    private volatile Duration fillDeadline = Duration.ofSeconds(5);
    /**
     * Whether policy-service answers GetOfficerSchedules; an older one says UNIMPLEMENTED, and the
     * officer and days are then read by the separate calls.
     */
    private volatile boolean combinedRead;
    private final GatewaySettings settings;
    private final PolicyMapper mapper;

    private final Cache<String, Optional<OfficerProfile>> officerCache;
    private final Cache<DayKey, Optional<DaySchedule>> scheduleCache;
    private final Cache<String, List<Roster>> rosterCache;
    private final Cache<String, List<OnCallSlot>> slotCache;
    /**
     * Counts evictions by the change feed: a value read from policy-service is cached only when no
     * eviction happened while it was read, so an answer from before a change is never put back after
     * the change dropped it.
     */
    private final java.util.concurrent.atomic.AtomicLong evictions = new java.util.concurrent.atomic.AtomicLong();

    public PolicyClient(@GrpcChannel("policy") ManagedChannel channel, ServiceIdentity token, GatewaySettings settings) {
        this.officers = OfficerServiceGrpc.newBlockingStub(channel).withCallCredentials(token);
        this.schedules = ScheduleServiceGrpc.newBlockingStub(channel).withCallCredentials(token);
        this.rosters = RosterServiceGrpc.newBlockingStub(channel).withCallCredentials(token);
        this.units = UnitServiceGrpc.newBlockingStub(channel).withCallCredentials(token);
        this.officersAsync = OfficerServiceGrpc.newFutureStub(channel).withCallCredentials(token);
        this.schedulesAsync = ScheduleServiceGrpc.newFutureStub(channel).withCallCredentials(token);
        this.settings = settings;
        this.mapper = new PolicyMapper(settings.defaultZone());
        this.officerCache = cache(settings.officersExpiry());
        this.scheduleCache = cache(settings.schedulesExpiry());
        this.rosterCache = cache(settings.rostersExpiry());
        this.slotCache = cache(settings.slotsExpiry());
    }

    private <K, V> Cache<K, V> cache(Duration expiry) {
        return Caffeine.newBuilder().maximumSize(settings.cacheMaxSize()).expireAfterWrite(expiry).recordStats().build();
    }

    /**
     * How long a read of an officer or of schedules may take to fill the cache
     * ({@code jeda.gateway.policy.fill-deadline}). A request waits for it no longer than its own
     * deadline and answers degraded after that, but the read goes on: when policy-service is slow
     * (a cold start, a burst of misses) its answer still lands in the cache for the next requests,
     * instead of every request timing out, caching nothing, and asking again.
     */
    @Inject
    void fillDeadline(@Value("${jeda.gateway.policy.fill-deadline:5s}") Duration fillDeadline) {
        this.fillDeadline = fillDeadline.compareTo(settings.policyDeadline()) > 0 ? fillDeadline : settings.policyDeadline();
    }

    /**
     * Whether a miss reads the officer with their days in one GetOfficerSchedules call
     * ({@code jeda.gateway.policy.combined-read}); off, {@link #readAround} does nothing and the
     * separate reads do the work.
     */
    @Inject
    void combinedRead(@Value("${jeda.gateway.policy.combined-read:false}") boolean on) {
        this.combinedRead = on;
    }

    /** Whether misses are read with GetOfficerSchedules (see {@link #combinedRead(boolean)}). */
    public boolean readsCombined() {
        return combinedRead;
    }

    /** The caches by metric name, for their hit-rate metrics. */
    public Map<String, Cache<?, ?>> caches() {
        return Map.of("policy.officers", officerCache, "policy.schedules", scheduleCache,
                "policy.rosters", rosterCache, "policy.slots", slotCache);
    }

    /** Drops every cached value; for tests that change what the fake policy-service answers. */
    public void invalidateAll() {
        officerCache.invalidateAll();
        scheduleCache.invalidateAll();
        rosterCache.invalidateAll();
        slotCache.invalidateAll();
        reading.clear();
    }

    /**
     * Forgets the cached days of one officer, after a decision made through this gateway (an approved
     * plan or exception) changed them; other gateway instances see the change when their entries expire.
     */
    public void forgetSchedules(String nip) {
        evictions.incrementAndGet();
        scheduleCache.asMap().keySet().removeIf(k -> k.nip().equals(nip));
        reading.keySet().removeIf(k -> k instanceof DayKey d && d.nip().equals(nip)
                || k instanceof RangeKey r && r.nip().equals(nip) || k instanceof AroundKey a && a.nip().equals(nip));
    }

    /** The change feed said an officer's record, plans, exceptions or leave changed. */
    public void forgetOfficer(String nip) {
        evictions.incrementAndGet();
        officerCache.invalidate(nip);
        scheduleCache.asMap().keySet().removeIf(k -> k.nip().equals(nip));
        reading.keySet().removeIf(k -> nip.equals(k) || k instanceof DayKey d && d.nip().equals(nip)
                || k instanceof RangeKey r && r.nip().equals(nip) || k instanceof AroundKey a && a.nip().equals(nip));
    }

    /**
     * The change feed said a unit's rosters or agency days changed: its rosters, every on-call slot
     * (keyed by roster) and every schedule (an agency day reaches the units below, which this cache
     * cannot tell apart) are dropped; officer records stay.
     */
    public void forgetUnit(String unitId) {
        evictions.incrementAndGet();
        rosterCache.invalidate(unitId);
        slotCache.invalidateAll();
        scheduleCache.invalidateAll();
        reading.keySet().removeIf(k -> !(k instanceof String));
    }

    /** The change feed said something that reaches everyone changed (or this replica fell behind it). */
    public void forgetAll() {
        evictions.incrementAndGet();
        invalidateAll();
    }

    /**
     * Forgets the cached on-call slots of one roster at once, after a swap approved through this
     * gateway changed who is on call; other replicas hear of it through the change feed.
     */
    public void forgetSlots(String rosterId) {
        evictions.incrementAndGet();
        slotCache.invalidate(rosterId);
    }

    /** A marker for "policy-service said NOT_FOUND" inside {@link #call}. */
    private static final Object NOT_FOUND = new Object();

    /**
     * One call with the per-call deadline cut to the request's budget. NOT_FOUND becomes
     * {@code Sourced.of(null)}; anything else that goes wrong becomes unavailable and is remembered
     * for the rest of the request.
     */
    private <T> Sourced<T> call(String what, Function<Long, T> rpc) {
        Duration d = AnswerBudget.callDeadline(Sources.POLICY, settings.policyDeadline());
        if (d.isZero() || d.isNegative()) {
            return Sourced.unavailable(Sources.POLICY);
        }
        try {
            return Sourced.of(rpc.apply(d.toNanos()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Sourced.of(null);
            }
            AnswerBudget.failed(Sources.POLICY);
            LOG.warn("policy-service {} failed: {}", what, e.getStatus().getCode());
            return Sourced.unavailable(Sources.POLICY);
        } catch (RuntimeException e) {
            AnswerBudget.failed(Sources.POLICY);
            LOG.warn("policy-service {} failed", what, e);
            return Sourced.unavailable(Sources.POLICY);
        }
    }

    public Sourced<OfficerProfile> officer(String nip) {
        Optional<OfficerProfile> cached = officerCache.getIfPresent(nip);
        if (cached != null) {
            return Sourced.of(cached.orElse(null));
        }
        return shared("GetOfficer", nip, n -> officersAsync.withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                        .getOfficer(GetOfficerRequest.newBuilder().setName(OfficerName.of(nip).toString()).build()),
                o -> mapper.officer(o), v -> officerCache.put(nip, Optional.ofNullable(v)));
    }

    public Sourced<DaySchedule> schedule(String nip, LocalDate date) {
        DayKey key = new DayKey(nip, date);
        Optional<DaySchedule> cached = scheduleCache.getIfPresent(key);
        if (cached != null) {
            return Sourced.of(cached.orElse(null));
        }
        return shared("GetEffectiveSchedule", key, n -> schedulesAsync.withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                        .getEffectiveSchedule(GetEffectiveScheduleRequest.newBuilder()
                                .setOfficer(OfficerName.of(nip).toString()).setDate(PolicyMapper.date(date)).build()),
                s -> mapper.schedule(nip, s), v -> scheduleCache.put(key, Optional.ofNullable(v)));
    }

    /**
     * Reads the officer with their days from {@code daysBefore} local dates before T's date (in the
     * officer's zone) to {@code daysAfter} after it in one GetOfficerSchedules call, into the same
     * caches {@link #officer} and {@link #schedule} read, unless the officer and those days are
     * cached already. An answer that is about to read them one by one calls this first, so that a
     * miss costs policy-service one call instead of one per kind. Never throws; a failure is
     * remembered in the request's budget like that of the separate reads, and an UNIMPLEMENTED
     * answer (an older policy-service) leaves the separate reads to do the work.
     */
    public void readAround(String nip, Instant t, int daysBefore, int daysAfter) {
        if (!combinedRead) {
            return;
        }
        Optional<OfficerProfile> known = officerCache.getIfPresent(nip);
        if (known != null) {
            if (known.isEmpty() || daysCached(nip, t.atZone(known.get().zone()).toLocalDate(), daysBefore, daysAfter)) {
                return;
            }
        }
        Duration d = AnswerBudget.callDeadline(Sources.POLICY, settings.policyDeadline());
        if (d.isZero() || d.isNegative()) {
            return;
        }
        AroundKey key = new AroundKey(nip, t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), daysBefore, daysAfter);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> read = reading.putIfAbsent(key, mine);
        if (read == null) {
            read = mine;
            start("GetOfficerSchedules", key, mine, n -> schedulesAsync.withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                            .getOfficerSchedules(GetOfficerSchedulesRequest.newBuilder()
                                    .setOfficer(OfficerName.of(nip).toString()).setTime(PolicyMapper.timestamp(key.at()))
                                    .setDaysBefore(daysBefore).setDaysAfter(daysAfter).build()),
                    r -> new OfficerDays(mapper.officer(r.getOfficer()),
                            r.getSchedulesList().stream().map(s -> mapper.schedule(nip, s)).toList()),
                    (OfficerDays v) -> {
                        if (v == null) {
                            officerCache.put(nip, Optional.empty());
                            return;
                        }
                        officerCache.put(nip, Optional.of(v.officer()));
                        for (DaySchedule day : v.days()) {
                            scheduleCache.put(new DayKey(nip, day.date()), Optional.of(day));
                        }
                    });
        }
        try {
            read.get(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            AnswerBudget.failed(Sources.POLICY);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException sre
                    && sre.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                combinedRead = false;
                LOG.info("policy-service does not answer GetOfficerSchedules; officers and schedules are read "
                        + "by separate calls");
                return;
            }
            AnswerBudget.failed(Sources.POLICY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean daysCached(String nip, LocalDate today, int daysBefore, int daysAfter) {
        for (int i = -daysBefore; i <= daysAfter; i++) {
            if (scheduleCache.getIfPresent(new DayKey(nip, today.plusDays(i))) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * One read of policy-service shared by every request that asks for the same key meanwhile, with
     * its own deadline ({@link #fillDeadline}); this request waits for it at most its per-call
     * deadline cut to its budget. NOT_FOUND is a value (null, cached as absent); anything else that
     * goes wrong, or a read still under way when this request's wait ends, is unavailable and is
     * remembered for the rest of the request. The answer is mapped and cached once, by the read.
     */
    @SuppressWarnings("unchecked")
    private <R, T> Sourced<T> shared(String what, Object key, Function<Long, ListenableFuture<R>> rpc,
                                     Function<R, T> map, Consumer<T> fill) {
        Duration d = AnswerBudget.callDeadline(Sources.POLICY, settings.policyDeadline());
        if (d.isZero() || d.isNegative()) {
            return Sourced.unavailable(Sources.POLICY);
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> read = reading.putIfAbsent(key, mine);
        if (read == null) {
            read = mine;
            start(what, key, mine, rpc, map, fill);
        }
        try {
            return Sourced.of((T) read.get(d.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            AnswerBudget.failed(Sources.POLICY);
            return Sourced.unavailable(Sources.POLICY);
        } catch (ExecutionException e) {
            AnswerBudget.failed(Sources.POLICY);
            return Sourced.unavailable(Sources.POLICY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sourced.unavailable(Sources.POLICY);
        }
    }

    private <R, T> void start(String what, Object key, CompletableFuture<Object> done,
                              Function<Long, ListenableFuture<R>> rpc, Function<R, T> map, Consumer<T> fill) {
        ListenableFuture<R> call;
        // An eviction while the read is under way (this key, or a wider one from the change feed)
        // means the answer may predate the change: it is returned but not cached.
        long generation = evictions.get();
        // Detached from this request's cancellation and deadline (its values, such as the request
        // id and trace, go on): the read outlives a caller that gives up, for the next callers.
        Context detached = Context.current().fork();
        Context previous = detached.attach();
        try {
            call = rpc.apply(fillDeadline.toNanos());
        } catch (RuntimeException e) {
            detached.detach(previous);
            reading.remove(key, done);
            LOG.warn("policy-service {} failed", what, e);
            done.completeExceptionally(e);
            return;
        }
        detached.detach(previous);
        Futures.addCallback(call, new FutureCallback<R>() {
            @Override
            public void onSuccess(R result) {
                T value;
                try {
                    value = map.apply(result);
                } catch (RuntimeException e) {
                    onFailure(e);
                    return;
                }
                // Not cached when the key was forgotten meanwhile: the answer may predate the change.
                if (reading.remove(key, done) && evictions.get() == generation) {
                    fill.accept(value);
                }
                done.complete(value);
            }

            @Override
            public void onFailure(Throwable t) {
                if (t instanceof StatusRuntimeException e && e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    if (reading.remove(key, done) && evictions.get() == generation) {
                        fill.accept(null);
                    }
                    done.complete(null);
                    return;
                }
                reading.remove(key, done);
                if (t instanceof StatusRuntimeException e) {
                    LOG.warn("policy-service {} failed: {}", what, e.getStatus().getCode());
                } else {
                    LOG.warn("policy-service {} failed", what, t);
                }
                done.completeExceptionally(t);
            }
        }, MoreExecutors.directExecutor());
    }

    /** Consecutive days in one ListEffectiveSchedules call, unless every day is cached already. */
    public Sourced<List<DaySchedule>> schedules(String nip, LocalDate from, int days) {
        List<DaySchedule> out = new ArrayList<>(days);
        boolean allCached = true;
        for (int i = 0; i < days; i++) {
            Optional<DaySchedule> c = scheduleCache.getIfPresent(new DayKey(nip, from.plusDays(i)));
            if (c == null) {
                allCached = false;
                break;
            }
            c.ifPresent(out::add);
        }
        if (allCached) {
            return Sourced.of(out);
        }
        LocalDate to = from.plusDays(days - 1L);
        Sourced<List<DaySchedule>> got = shared("ListEffectiveSchedules", new RangeKey(nip, from, days),
                n -> schedulesAsync.withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                        .listEffectiveSchedules(ListEffectiveSchedulesRequest.newBuilder()
                                .setOfficer(OfficerName.of(nip).toString())
                                .setStartDate(PolicyMapper.date(from)).setEndDate(PolicyMapper.date(to)).build()),
                r -> r.getSchedulesList().stream().map(s -> mapper.schedule(nip, s)).toList(),
                list -> {
                    if (list != null) {
                        for (DaySchedule d : list) {
                            scheduleCache.put(new DayKey(nip, d.date()), Optional.of(d));
                        }
                    }
                });
        if (got.available() && got.value() == null) {
            return Sourced.of(List.of());
        }
        return got;
    }

    /** The rosters of a unit, every page, cached per unit. */
    private Sourced<List<Roster>> rostersOf(String unitId) {
        List<Roster> cached = rosterCache.getIfPresent(unitId);
        if (cached != null) {
            return Sourced.of(cached);
        }
        long generation = evictions.get();
        Sourced<List<Roster>> got = call("ListRosters", n -> {
            List<Roster> all = new ArrayList<>(Pages.all(token -> rosters.withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                    .listRosters(ListRostersRequest.newBuilder().setUnit(UnitName.of(unitId).toString())
                            .setPageSize(PAGE).setPageToken(token).build()),
                    ListRostersResponse::getRostersList, ListRostersResponse::getNextPageToken));
            all.sort((a, b) -> a.getName().compareTo(b.getName()));
            return List.copyOf(all);
        });
        if (got.available()) {
            List<Roster> v = got.value() == null ? List.of() : got.value();
            if (evictions.get() == generation) {
                rosterCache.put(unitId, v);
            }
            return Sourced.of(v);
        }
        return got;
    }

    public Sourced<List<OnCallSlot>> onCallSlots(String unitId, Instant at) {
        Sourced<List<Roster>> rs = rostersOf(unitId);
        if (!rs.available()) {
            return Sourced.unavailable(rs.unavailableSource());
        }
        List<OnCallSlot> out = new ArrayList<>();
        for (Roster r : rs.value()) {
            String rosterId = PolicyMapper.strip(r.getName(), "rosters/");
            Sourced<OnCallSlot> slot = slotAt(rosterId, at);
            if (!slot.available()) {
                return Sourced.unavailable(slot.unavailableSource());
            }
            slot.present().ifPresent(out::add);
        }
        return Sourced.of(out);
    }

    /** The slot of a roster covering the instant, from the cached run of slots when it still covers it. */
    private Sourced<OnCallSlot> slotAt(String rosterId, Instant at) {
        List<OnCallSlot> cached = slotCache.getIfPresent(rosterId);
        if (cached != null) {
            for (OnCallSlot s : cached) {
                if (s.covers(at)) {
                    return Sourced.of(s);
                }
            }
        }
        long generation = evictions.get();
        Sourced<List<OnCallSlot>> got = call("ListOnCallSlots", n -> mapper.slots(rosters
                .withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                .listOnCallSlots(ListOnCallSlotsRequest.newBuilder().setParent("rosters/" + rosterId)
                        .setTime(PolicyMapper.timestamp(at)).setPageSize(1).build())
                .getSlotsList()));
        if (!got.available()) {
            return Sourced.unavailable(got.unavailableSource());
        }
        List<OnCallSlot> slots = got.value() == null ? List.of() : got.value();
        if (!slots.isEmpty() && evictions.get() == generation) {
            slotCache.put(rosterId, slots);
        }
        return Sourced.of(slots.stream().filter(s -> s.covers(at)).findFirst().orElse(null));
    }

    public Sourced<List<String>> namedBackups(String nip) {
        Sourced<OfficerProfile> profile = officer(nip);
        if (!profile.available()) {
            return Sourced.unavailable(profile.unavailableSource());
        }
        if (profile.value() == null || profile.value().unitId().isEmpty()) {
            return Sourced.of(List.of());
        }
        Sourced<List<Roster>> rs = rostersOf(profile.value().unitId());
        if (!rs.available()) {
            return Sourced.unavailable(rs.unavailableSource());
        }
        Set<String> out = new LinkedHashSet<>();
        for (Roster r : rs.value()) {
            for (RosterMember m : r.getMembersList()) {
                String member = PolicyMapper.strip(m.getOfficer(), "officers/");
                String backup = PolicyMapper.strip(m.getBackupOfficer(), "officers/");
                if (nip.equals(member) && backup != null && !backup.equals(nip)) {
                    out.add(backup);
                }
            }
        }
        return Sourced.of(List.copyOf(out));
    }

    /**
     * The NIPs of a unit's officers (and of its sub-units' on request), sorted, at most the configured
     * number. Unlike the engine's reads this one cannot degrade: without the list there is nothing to
     * answer, so a failing policy-service is UNAVAILABLE.
     */
    public List<String> unitOfficers(String unitId, boolean includeSubUnits) {
        List<String> unitIds = new ArrayList<>(List.of(unitId));
        if (includeSubUnits) {
            Set<String> seen = new HashSet<>(unitIds);
            Deque<String> queue = new ArrayDeque<>(unitIds);
            while (!queue.isEmpty() && unitIds.size() <= settings.maxSubUnits()) {
                String parent = queue.poll();
                for (String child : required("ListUnits", n -> children(parent, n))) {
                    if (seen.add(child) && unitIds.size() <= settings.maxSubUnits()) {
                        unitIds.add(child);
                        queue.add(child);
                    }
                }
            }
        }
        TreeSet<String> nips = new TreeSet<>();
        for (String u : unitIds) {
            nips.addAll(required("ListOfficers", n -> officersOf(u, n)));
            if (nips.size() >= settings.maxUnitOfficers()) {
                break;
            }
        }
        return nips.stream().limit(settings.maxUnitOfficers()).toList();
    }

    private List<String> children(String parent, long nanos) {
        return Pages.all(token -> units.withDeadlineAfter(nanos, TimeUnit.NANOSECONDS).listUnits(
                        ListUnitsRequest.newBuilder().setParent(UnitName.of(parent).toString()).setPageSize(PAGE)
                                .setPageToken(token).build()),
                ListUnitsResponse::getUnitsList, ListUnitsResponse::getNextPageToken)
                .stream().map(u -> PolicyMapper.strip(u.getName(), "units/")).toList();
    }

    private List<String> officersOf(String unitId, long nanos) {
        List<String> out = new ArrayList<>();
        for (var o : Pages.upTo(settings.maxUnitOfficers(), token -> officers.withDeadlineAfter(nanos, TimeUnit.NANOSECONDS)
                        .listOfficers(ListOfficersRequest.newBuilder().setUnit(UnitName.of(unitId).toString())
                                .setPageSize(PAGE).setPageToken(token).build()),
                ListOfficersResponse::getOfficersList, ListOfficersResponse::getNextPageToken)) {
            OfficerProfile p = mapper.officer(o);
            officerCache.put(p.nip(), Optional.of(p));
            out.add(p.nip());
        }
        return out;
    }

    private <T> T required(String what, Function<Long, T> rpc) {
        Sourced<T> got = call(what, rpc);
        if (!got.available()) {
            throw JedaException.of(ErrorKind.UNAVAILABLE, "POLICY_UNAVAILABLE",
                    "policy-service did not answer in time; try again", "source", Sources.POLICY);
        }
        if (got.value() == null) {
            throw JedaException.of(ErrorKind.NOT_FOUND, "UNIT_NOT_FOUND", "the unit does not exist");
        }
        return got.value();
    }
}
