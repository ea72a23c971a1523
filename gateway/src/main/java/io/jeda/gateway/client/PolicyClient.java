package io.jeda.gateway.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import io.micronaut.grpc.annotation.GrpcChannel;
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
import java.util.concurrent.TimeUnit;
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

    private final OfficerServiceGrpc.OfficerServiceBlockingStub officers;
    private final ScheduleServiceGrpc.ScheduleServiceBlockingStub schedules;
    private final RosterServiceGrpc.RosterServiceBlockingStub rosters;
    private final UnitServiceGrpc.UnitServiceBlockingStub units;
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
    }

    /**
     * Forgets the cached days of one officer, after a decision made through this gateway (an approved
     * plan or exception) changed them; other gateway instances see the change when their entries expire.
     */
    public void forgetSchedules(String nip) {
        evictions.incrementAndGet();
        scheduleCache.asMap().keySet().removeIf(k -> k.nip().equals(nip));
    }

    /** The change feed said an officer's record, plans, exceptions or leave changed. */
    public void forgetOfficer(String nip) {
        evictions.incrementAndGet();
        officerCache.invalidate(nip);
        scheduleCache.asMap().keySet().removeIf(k -> k.nip().equals(nip));
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
        long generation = evictions.get();
        Sourced<OfficerProfile> got = call("GetOfficer", n -> mapper.officer(officers
                .withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                .getOfficer(GetOfficerRequest.newBuilder().setName(OfficerName.of(nip).toString()).build())));
        if (got.available() && evictions.get() == generation) {
            officerCache.put(nip, got.present());
        }
        return got;
    }

    public Sourced<DaySchedule> schedule(String nip, LocalDate date) {
        DayKey key = new DayKey(nip, date);
        Optional<DaySchedule> cached = scheduleCache.getIfPresent(key);
        if (cached != null) {
            return Sourced.of(cached.orElse(null));
        }
        long generation = evictions.get();
        Sourced<DaySchedule> got = call("GetEffectiveSchedule", n -> mapper.schedule(nip, schedules
                .withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                .getEffectiveSchedule(GetEffectiveScheduleRequest.newBuilder().setOfficer(OfficerName.of(nip).toString())
                        .setDate(PolicyMapper.date(date)).build())));
        if (got.available() && evictions.get() == generation) {
            scheduleCache.put(key, got.present());
        }
        return got;
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
        long generation = evictions.get();
        Sourced<List<DaySchedule>> got = call("ListEffectiveSchedules", n -> schedules
                .withDeadlineAfter(n, TimeUnit.NANOSECONDS)
                .listEffectiveSchedules(ListEffectiveSchedulesRequest.newBuilder().setOfficer(OfficerName.of(nip).toString())
                        .setStartDate(PolicyMapper.date(from)).setEndDate(PolicyMapper.date(to)).build())
                .getSchedulesList().stream().map(s -> mapper.schedule(nip, s)).toList());
        if (got.available()) {
            if (got.value() == null) {
                return Sourced.of(List.of());
            }
            if (evictions.get() == generation) {
                for (DaySchedule d : got.value()) {
                    scheduleCache.put(new DayKey(nip, d.date()), Optional.of(d));
                }
            }
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
