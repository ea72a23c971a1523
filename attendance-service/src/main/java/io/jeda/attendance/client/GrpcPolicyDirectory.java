package io.jeda.attendance.client;

import io.jeda.common.grpc.NoWaiting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grpc.CallCredentials;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.Circle;
import io.jeda.attendance.domain.OfficerInfo;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.attendance.domain.ScheduleInfo;
import io.jeda.attendance.domain.UnitInfo;
import io.jeda.attendance.domain.WorkPlace;
import com.google.rpc.ErrorInfo;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.grpc.BearerCredentials;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.grpc.CallerContext;
import io.jeda.common.grpc.Pages;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.UnitName;
import io.jeda.common.security.Caller;
import io.jeda.common.security.ServiceIdentity;
import io.jeda.common.security.TokenService;
import io.jeda.policy.v1.EffectiveSchedule;
import io.jeda.policy.v1.Geofence;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListEffectiveSchedulesRequest;
import io.jeda.policy.v1.ListEffectiveSchedulesResponse;
import io.jeda.policy.v1.LocalWindow;
import io.jeda.policy.v1.Office;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@link PolicyDirectory} over policy-service's gRPC API (the {@code policy} channel). Every call
 * carries the request's shared deadline and the caller's own token, so policy-service checks the
 * caller again; jobs, which have no caller, present a SERVICE token of this service.
 * <p>
 * Caches what is safe to reuse briefly: units (zone and offices change rarely), officers seen with
 * their full record (self, admin or service view; a manager's narrower view is never cached, or a
 * later check-in would miss the domicile) and schedules per officer and date.
 */
@Singleton
public class GrpcPolicyDirectory implements PolicyDirectory {

    private static final String SERVICE_SUBJECT = "attendance-service";
    /** How long the jobs' SERVICE token lives; it is renewed once half of it has passed. */
    private static final Duration SERVICE_TOKEN_TTL = Duration.ofMinutes(10);

    private final OfficerServiceGrpc.OfficerServiceBlockingStub officers;
    private final UnitServiceGrpc.UnitServiceBlockingStub units;
    private final ScheduleServiceGrpc.ScheduleServiceBlockingStub schedules;
    private final ServiceIdentity identity;
    private final Cache<String, OfficerInfo> officerCache;
    private final Cache<String, UnitInfo> unitCache;
    private final Cache<String, ScheduleInfo> scheduleCache;
    /** Counts the change feed's evictions; a value read while one happened is not cached (it may predate it). */
    private final java.util.concurrent.atomic.AtomicLong evictions = new java.util.concurrent.atomic.AtomicLong();

    public GrpcPolicyDirectory(@GrpcChannel("policy") ManagedChannel channel, TokenService tokens,
                               AttendanceSettings settings) {
        this.officers = OfficerServiceGrpc.newBlockingStub(channel);
        this.units = UnitServiceGrpc.newBlockingStub(channel);
        this.schedules = ScheduleServiceGrpc.newBlockingStub(channel);
        this.identity = new ServiceIdentity(tokens, SERVICE_SUBJECT, SERVICE_TOKEN_TTL);
        this.officerCache = cache(settings.officerCacheTtl(), settings.cacheMaxEntries());
        this.unitCache = cache(settings.unitCacheTtl(), settings.cacheMaxEntries());
        this.scheduleCache = cache(settings.scheduleCacheTtl(), settings.cacheMaxEntries());
    }

    private static <V> Cache<String, V> cache(Duration ttl, long max) {
        return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(max).build();
    }

    @Override
    public Optional<OfficerInfo> officer(String nip, Instant deadline) {
        OfficerInfo cached = officerCache.getIfPresent(nip);
        if (cached != null) {
            return Optional.of(cached);
        }
        long generation = evictions.get();
        Optional<Officer> o = call("GetOfficer", () -> officers.withDeadline(deadline(deadline))
                .withCallCredentials(credentials())
                .getOfficer(GetOfficerRequest.newBuilder().setName(OfficerName.of(nip).toString()).build()));
        Optional<OfficerInfo> info = o.map(of -> convert("GetOfficer", () -> toOfficer(of)));
        if (info.isPresent() && fullView(nip) && evictions.get() == generation) {
            officerCache.put(nip, info.get());
        }
        return info;
    }

    @Override
    public Optional<UnitInfo> unit(String unitId, Instant deadline) {
        UnitInfo cached = unitCache.getIfPresent(unitId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long generation = evictions.get();
        Optional<UnitInfo> info = call("GetUnit", () -> units.withDeadline(deadline(deadline))
                .withCallCredentials(credentials())
                .getUnit(GetUnitRequest.newBuilder().setName(UnitName.of(unitId).toString()).build()))
                .map(u -> convert("GetUnit", () -> toUnit(u)));
        if (evictions.get() == generation) {
            info.ifPresent(u -> unitCache.put(unitId, u));
        }
        return info;
    }

    @Override
    public Optional<UnitInfo> unitForScope(String unitId, Instant deadline) {
        UnitInfo cached = unitCache.getIfPresent(unitId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long generation = evictions.get();
        Optional<UnitInfo> info = call("GetUnit", () -> units.withDeadline(deadline(deadline))
                .withCallCredentials(identity)
                .getUnit(GetUnitRequest.newBuilder().setName(UnitName.of(unitId).toString()).build()))
                .map(u -> convert("GetUnit", () -> toUnit(u)));
        if (evictions.get() == generation) {
            info.ifPresent(u -> unitCache.put(unitId, u));
        }
        return info;
    }

    @Override
    public ScheduleInfo schedule(String nip, LocalDate localDate, Instant deadline) {
        String key = nip + "|" + localDate;
        ScheduleInfo cached = scheduleCache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long generation = evictions.get();
        EffectiveSchedule s = call("GetEffectiveSchedule", () -> schedules.withDeadline(deadline(deadline))
                .withCallCredentials(credentials())
                .getEffectiveSchedule(GetEffectiveScheduleRequest.newBuilder()
                        .setOfficer(OfficerName.of(nip).toString())
                        .setDate(com.google.type.Date.newBuilder().setYear(localDate.getYear())
                                .setMonth(localDate.getMonthValue()).setDay(localDate.getDayOfMonth()))
                        .build()))
                .orElseThrow(() -> new PolicyUnavailableException("policy-service has no schedule for " + nip, null));
        ScheduleInfo info = convert("GetEffectiveSchedule", () -> toSchedule(s, localDate));
        if (evictions.get() == generation) {
            scheduleCache.put(key, info);
        }
        return info;
    }

    @Override
    public List<ScheduleInfo> schedules(String nip, LocalDate from, LocalDate to, Instant deadline) {
        ListEffectiveSchedulesResponse r = call("ListEffectiveSchedules", () -> schedules.withDeadline(deadline(deadline))
                .withCallCredentials(credentials())
                .listEffectiveSchedules(ListEffectiveSchedulesRequest.newBuilder()
                        .setOfficer(OfficerName.of(nip).toString()).setStartDate(date(from)).setEndDate(date(to)).build()))
                .orElseThrow(() -> new PolicyUnavailableException("policy-service has no schedules for " + nip, null));
        return convert("ListEffectiveSchedules", () -> r.getSchedulesList().stream()
                .map(s -> toSchedule(s, LocalDate.of(s.getDate().getYear(), s.getDate().getMonth(), s.getDate().getDay())))
                .toList());
    }

    /** One BatchGetEffectiveSchedules per date and 500 officers, instead of one call per officer. */
    @Override
    public java.util.Map<String, List<ScheduleInfo>> schedulesOf(java.util.Collection<String> nips, LocalDate from,
                                                                 LocalDate to, Instant deadline) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(nips));
        java.util.Map<String, List<ScheduleInfo>> out = new java.util.LinkedHashMap<>();
        all.forEach(n -> out.put(n, new java.util.ArrayList<>()));
        CallCredentials credentials = credentials();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate day = d;
            for (int i = 0; i < all.size(); i += 500) {
                List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
                io.jeda.policy.v1.BatchGetEffectiveSchedulesResponse r = call("BatchGetEffectiveSchedules",
                        () -> schedules.withDeadline(deadline(deadline)).withCallCredentials(credentials)
                                .batchGetEffectiveSchedules(io.jeda.policy.v1.BatchGetEffectiveSchedulesRequest
                                        .newBuilder().addAllOfficers(chunk.stream()
                                                .map(n -> OfficerName.of(n).toString()).toList())
                                        .setDate(date(day)).build()))
                        .orElseThrow(() -> new PolicyUnavailableException("policy-service has no schedules", null));
                convert("BatchGetEffectiveSchedules", () -> {
                    for (EffectiveSchedule s : r.getSchedulesList()) {
                        List<ScheduleInfo> list = out.get(OfficerName.parse(s.getOfficer(), "officer").nip());
                        if (list != null) {
                            list.add(toSchedule(s, day));
                        }
                    }
                    return null;
                });
            }
        }
        return out;
    }

    /** Runs the lookups outside the caller's gRPC context, so they carry this service's own token. */
    @Override
    public <T> T asService(java.util.function.Supplier<T> lookups) {
        try {
            return io.grpc.Context.ROOT.call(lookups::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> officersOfUnit(String unitId, Instant deadline) {
        ListOfficersRequest first = ListOfficersRequest.newBuilder().setUnit(UnitName.of(unitId).toString())
                .setPageSize(500).build();
        // The credentials are decided here, on the thread that serves the caller, for every page.
        CallCredentials credentials = credentials();
        List<Officer> all = Pages.all(token -> call("ListOfficers", () -> officers
                        .withDeadline(deadline(deadline)).withCallCredentials(credentials)
                        .listOfficers(first.toBuilder().setPageToken(token).build()))
                        .orElse(ListOfficersResponse.getDefaultInstance()),
                ListOfficersResponse::getOfficersList, ListOfficersResponse::getNextPageToken);
        return convert("ListOfficers", () -> all.stream().map(GrpcPolicyDirectory::nipOf).toList());
    }

    private static com.google.type.Date date(LocalDate d) {
        return com.google.type.Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue())
                .setDay(d.getDayOfMonth()).build();
    }

    @Override
    public void invalidateAll() {
        evictions.incrementAndGet();
        officerCache.invalidateAll();
        unitCache.invalidateAll();
        scheduleCache.invalidateAll();
    }

    /** The change feed said an officer's record, plans, exceptions or leave changed. */
    public void forgetOfficer(String nip) {
        evictions.incrementAndGet();
        officerCache.invalidate(nip);
        String prefix = nip + "|";
        scheduleCache.asMap().keySet().removeIf(k -> k.startsWith(prefix));
    }

    /**
     * The change feed said a unit (its offices, rosters or agency days) changed: the unit and every
     * cached day (an agency day reaches the units below it) are dropped.
     */
    public void forgetUnit(String unitId) {
        evictions.incrementAndGet();
        unitCache.invalidate(unitId);
        scheduleCache.invalidateAll();
    }

    /** The service identity of this service, for its own calls to policy-service (the change feed). */
    public ServiceIdentity identity() {
        return identity;
    }

    /**
     * Runs one call; NOT_FOUND is an answer (empty); a refusal of the caller (PERMISSION_DENIED,
     * UNAUTHENTICATED) is the caller's refusal, reported with policy-service's reason and values;
     * every other failure is unavailability.
     */
    private static <T> Optional<T> call(String what, java.util.function.Supplier<T> rpc) {
        NoWaiting.check();
        try {
            return Optional.of(rpc.get());
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            if (code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNAUTHENTICATED) {
                throw refusal(what, e);
            }
            throw new PolicyUnavailableException(what + " failed: " + e.getStatus().getCode(), e);
        } catch (RuntimeException e) {
            // A channel shut down or a client-side failure: still not a reason to lose a check-in.
            throw new PolicyUnavailableException(what + " failed: " + e, e);
        }
    }

    /** policy-service's refusal as this service's own PERMISSION_DENIED, keeping its reason and values. */
    private static JedaException refusal(String what, StatusRuntimeException e) {
        Optional<ErrorInfo> info = GrpcErrors.errorInfo(e);
        String reason = info.map(ErrorInfo::getReason).filter(r -> !r.isEmpty()).orElse("POLICY_REFUSED");
        Map<String, String> metadata = new LinkedHashMap<>();
        info.ifPresent(i -> metadata.putAll(i.getMetadataMap()));
        metadata.put("source", "policy-service");
        String description = e.getStatus().getDescription();
        return new JedaException(ErrorKind.PERMISSION_DENIED, reason, "policy-service refused " + what
                + (description == null ? "" : ": " + description), metadata, List.of());
    }

    /**
     * Converts an answer; an answer we cannot use (for example an empty or unknown time zone) is
     * treated like no answer, so the event is accepted unverified rather than failing.
     */
    private static <T> T convert(String what, java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (RuntimeException e) {
            throw new PolicyUnavailableException(what + " returned data attendance cannot use: " + e.getMessage(), e);
        }
    }

    private static Deadline deadline(Instant at) {
        long nanos = Duration.between(Instant.now(), at).toNanos();
        return Deadline.after(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
    }

    /** Whether policy-service shows this caller the officer's whole record (domicile included). */
    private static boolean fullView(String nip) {
        Caller caller = currentCaller();
        return caller == null || caller.isPrivileged() || caller.subject().equals(nip);
    }

    private static Caller currentCaller() {
        return CallerContext.currentToken() == null ? null : CallerContext.current();
    }

    /** The caller's own token, or this service's identity for work no caller started (the jobs). */
    private CallCredentials credentials() {
        return BearerCredentials.callerOr(identity::current);
    }

    private static String nipOf(Officer o) {
        return o.getNip().isEmpty() ? OfficerName.parse(o.getName()).nip() : o.getNip();
    }

    private static OfficerInfo toOfficer(Officer o) {
        Circle domicile = o.hasDomicile() ? circle(o.getDomicile()) : null;
        String manager = o.getManager().isEmpty() ? null : OfficerName.parse(o.getManager(), "manager").nip();
        return new OfficerInfo(nipOf(o), UnitName.parse(o.getUnit(), "unit").unitId(),
                ZoneId.of(o.getTimeZone()), manager, domicile, o.getDisplayName());
    }

    private static UnitInfo toUnit(Unit u) {
        List<Circle> offices = u.getOfficesList().stream().filter(Office::hasGeofence)
                .map(of -> circle(of.getGeofence())).toList();
        LocalTime close = u.hasDayCloseTime()
                ? LocalTime.of(u.getDayCloseTime().getHours(), u.getDayCloseTime().getMinutes())
                : LocalTime.of(23, 59);
        String parent = u.getParent().isEmpty() ? null : UnitName.parse(u.getParent(), "parent").unitId();
        return new UnitInfo(UnitName.parse(u.getName()).unitId(), ZoneId.of(u.getTimeZone()), offices, close, parent);
    }

    private static ScheduleInfo toSchedule(EffectiveSchedule s, LocalDate date) {
        Set<WorkPlace> places = EnumSet.noneOf(WorkPlace.class);
        for (io.jeda.policy.v1.WorkPlace p : s.getAllowedPlacesList()) {
            switch (p) {
                case WORK_PLACE_OFFICE -> places.add(WorkPlace.OFFICE);
                case WORK_PLACE_HOME -> places.add(WorkPlace.HOME);
                case WORK_PLACE_OTHER_OFFICE -> places.add(WorkPlace.OTHER_OFFICE);
                case WORK_PLACE_OTHER -> places.add(WorkPlace.OTHER);
                default -> {
                    // Values unknown to this version are not places we can check against.
                }
            }
        }
        return new ScheduleInfo(date, s.getWorking(), places,
                s.hasWork() ? start(s.getWork()) : null, s.hasWork() ? end(s.getWork()) : null,
                s.hasCore() ? start(s.getCore()) : null, s.hasCore() ? end(s.getCore()) : null,
                s.getWorkMinutes(), s.getReason().name().replace("SCHEDULE_REASON_", ""));
    }

    private static Instant start(LocalWindow w) {
        return w.hasStartTime() ? Instant.ofEpochSecond(w.getStartTime().getSeconds(), w.getStartTime().getNanos()) : null;
    }

    private static Instant end(LocalWindow w) {
        return w.hasEndTime() ? Instant.ofEpochSecond(w.getEndTime().getSeconds(), w.getEndTime().getNanos()) : null;
    }

    private static Circle circle(Geofence g) {
        return new Circle(g.getCenter().getLatitude(), g.getCenter().getLongitude(), g.getRadiusMeters());
    }
}
