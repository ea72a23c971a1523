package io.jeda.gateway.app;

import io.jeda.attendance.v1.AttendanceWellbeing;
import io.jeda.attendance.v1.OfficerAttendanceWellbeing;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.names.OfficerName;
import io.jeda.common.names.UnitName;
import io.jeda.common.security.AdminScope;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.gateway.GatewaySettings;
import io.jeda.gateway.WellbeingSettings;
import io.jeda.gateway.audit.AfterHoursQuestions;
import io.jeda.gateway.client.WellbeingClients;
import io.jeda.gateway.v1.MemberLoad;
import io.jeda.gateway.v1.OfficerWellbeing;
import io.jeda.gateway.v1.RosterLoad;
import io.jeda.gateway.v1.WellbeingReport;
import io.jeda.gateway.v1.WellbeingRules;
import io.jeda.gateway.v1.WellbeingTotals;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.Unit;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The wellbeing report of a unit's month. The gateway decides who is in it (a manager's direct
 * reports in the manager's unit, or every officer of a unit inside an HR or ADMIN caller's scope),
 * then asks its four sources at the same time: attendance-service (hours, late check-outs, short
 * rests), its own audit log (after-hours questions), relay-service (held messages) and
 * policy-service's rosters (on-call hours). A source that fails or is slower than the source
 * deadline leaves its part out and is named in missing_parts; the rest is answered at once. A source
 * that refuses the caller (PERMISSION_DENIED, NOT_FOUND, INVALID_ARGUMENT) refuses the whole report.
 */
@Singleton
public class WellbeingReports {

    private static final Logger LOG = LoggerFactory.getLogger(WellbeingReports.class);
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    public static final String ATTENDANCE = "attendance";
    public static final String AUDIT = "audit";
    public static final String RELAY = "relay";
    public static final String ON_CALL = "on_call";

    private final WellbeingClients clients;
    private final AfterHoursQuestions audit;
    private final WellbeingSettings settings;
    private final GatewaySettings gateway;
    private final Clock clock;
    private final ExecutorService pool;

    public WellbeingReports(WellbeingClients clients, AfterHoursQuestions audit,
                            WellbeingSettings settings, GatewaySettings gateway, Clock clock) {
        this.clients = clients;
        this.audit = audit;
        this.settings = settings;
        this.gateway = gateway;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "wellbeing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    /** A month as {@code YYYY-MM}; empty or null is the current month in the gateway's default zone. */
    public YearMonth month(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(clock.withZone(gateway.defaultZone()));
        }
        String t = text.trim();
        try {
            if (MONTH.matcher(t).matches()) {
                YearMonth m = YearMonth.parse(t);
                if (m.getYear() >= 1900 && m.getYear() <= 2199) {
                    return m;
                }
            }
        } catch (DateTimeParseException e) {
            // Refused below.
        }
        throw JedaException.invalidField("month", "month must be a calendar month, YYYY-MM");
    }

    /** The caller's direct reports (MANAGER). */
    public WellbeingReport team(Person p, YearMonth month) {
        Caller caller = Access.manager(p.caller());
        Officer me = clients.officer(caller.subject());
        Unit unit = clients.unit(UnitName.parse(me.getUnit(), "unit").unitId());
        List<Officer> reports = clients.reports(p.token(), caller.subject(), gateway.maxBatch());
        return report(p, UnitName.parse(me.getUnit(), "unit").unitId(), unit, reports, month);
    }

    /** Every officer of a unit (HR or ADMIN, inside the token's unit scope). */
    public WellbeingReport unit(Person p, String unitName, YearMonth month) {
        Caller caller = p.caller();
        if (caller.has(Role.AGENCY) || (!caller.has(Role.HR) && !caller.isAdmin())) {
            throw JedaException.permissionDenied("HR_REQUIRED", "only HR and admins may read a unit's wellbeing report",
                    "subject", caller.subject());
        }
        String unitId = UnitName.parse(unitName.startsWith("units/") ? unitName : "units/" + unitName, "unit").unitId();
        if (caller.isScopedAdmin()) {
            AdminScope.require(caller, unitId, clients::parentOf);
        }
        Unit unit = clients.unit(unitId);
        return report(p, unitId, unit, clients.unitOfficers(unitId, gateway.maxUnitOfficers()), month);
    }

    private WellbeingReport report(Person p, String unitId, Unit unit, List<Officer> officers, YearMonth month) {
        ZoneId zone = unit.getTimeZone().isEmpty() ? gateway.defaultZone() : ZoneId.of(unit.getTimeZone());
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<Officer> sorted = new ArrayList<>(officers);
        sorted.sort(Comparator.comparing(WellbeingReports::nip));
        List<String> nips = sorted.stream().map(WellbeingReports::nip).toList();

        Future<AttendanceWellbeing> attendanceF = nips.isEmpty() ? null
                : pool.submit(() -> clients.attendance(p.token(), unitId, month, nips));
        Future<Map<String, AfterHoursQuestions.Counts>> auditF = nips.isEmpty() ? null
                : pool.submit(() -> audit.count(nips, from, to, settings.afterHoursStates(), settings.sourceDeadline()));
        Future<Map<String, Integer>> relayF = nips.isEmpty() ? null
                : pool.submit(() -> clients.held(p.token(), nips, from, to));
        Future<List<OnCallLoad.RosterSlots>> onCallF = pool.submit(() -> rosterSlots(p.token(), unitId, from, to, zone));

        // One deadline for all: the report waits at most the source deadline (and a little for the hand-over).
        long deadline = System.nanoTime() + settings.sourceDeadline().toNanos() + TimeUnit.MILLISECONDS.toNanos(250);
        List<String> missing = new ArrayList<>();
        AttendanceWellbeing att = part(attendanceF, ATTENDANCE, deadline, missing, AttendanceWellbeing.getDefaultInstance());
        Map<String, AfterHoursQuestions.Counts> asked = part(auditF, AUDIT, deadline, missing, Map.of());
        Map<String, Integer> held = part(relayF, RELAY, deadline, missing, Map.of());
        List<OnCallLoad.RosterSlots> rosters = part(onCallF, ON_CALL, deadline, missing, List.of());

        Map<String, OfficerAttendanceWellbeing> byNip = new HashMap<>();
        if (att != null) {
            att.getOfficersList().forEach(o -> byNip.put(OfficerName.parse(o.getOfficer(), "officer").nip(), o));
        }
        Map<String, OnCallLoad.OfficerLoad> loads = rosters == null ? Map.of()
                : OnCallLoad.officers(rosters, from, to, zone);

        WellbeingReport.Builder r = WellbeingReport.newBuilder().setUnit(UnitName.of(unitId).toString()).setMonth(month.toString())
                .setTimeZone(zone.getId()).setAsOf(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(clock.instant().getEpochSecond()));
        WellbeingRules.Builder rules = WellbeingRules.newBuilder().addAllAfterHoursStates(settings.afterHoursStates());
        if (att != null && att.getMinimumRestMinutes() > 0) {
            rules.setMinimumRestMinutes(att.getMinimumRestMinutes())
                    .setLateCheckOutGraceMinutes(att.getLateCheckOutGraceMinutes());
        }
        r.setRules(rules);
        WellbeingTotals.Builder totals = WellbeingTotals.newBuilder().setOfficers(sorted.size());
        int worked = 0, due = 0, late = 0, shortRests = 0, reachable = 0, waiting = 0, heldSum = 0, overCap = 0;
        double onCallSum = 0;
        boolean attendanceComplete = att != null;
        for (Officer o : sorted) {
            String nip = nip(o);
            OfficerWellbeing.Builder w = OfficerWellbeing.newBuilder().setOfficer(OfficerName.of(nip).toString())
                    .setDisplayName(o.getDisplayName());
            OfficerAttendanceWellbeing a = byNip.get(nip);
            if (a != null) {
                w.setWorkedMinutes(a.getWorkedMinutes()).setDueMinutes(a.getDueMinutes())
                        .setLateCheckOuts(a.getLateCheckOuts()).setShortRests(a.getShortRests())
                        .setShortestRestMinutes(a.getShortestRestMinutes());
                worked += a.getWorkedMinutes();
                due += a.getDueMinutes();
                late += a.getLateCheckOuts();
                shortRests += a.getShortRests();
            } else {
                attendanceComplete = false;
            }
            if (asked != null) {
                AfterHoursQuestions.Counts c = asked.getOrDefault(nip, new AfterHoursQuestions.Counts(0, 0));
                w.setAfterHoursReachable(c.reachable()).setAfterHoursWait(c.waiting());
                reachable += c.reachable();
                waiting += c.waiting();
            }
            if (held != null) {
                int h = held.getOrDefault(nip, 0);
                w.setHeldMessages(h);
                heldSum += h;
            }
            if (rosters != null) {
                OnCallLoad.OfficerLoad l = loads.getOrDefault(nip, new OnCallLoad.OfficerLoad(0, 0, 0, 0));
                w.setOnCallHours(l.monthHours()).setBusiestWeekOnCallHours(l.busiestWeekHours())
                        .setWeeklyCapHours(l.weeklyCapHours()).setWeeksOverCap(l.weeksOverCap());
                onCallSum += l.monthHours();
                overCap += l.weeksOverCap() > 0 ? 1 : 0;
            }
            r.addOfficers(w);
        }
        if (att != null && attendanceComplete) {
            totals.setWorkedMinutes(worked).setDueMinutes(due).setLateCheckOuts(late).setShortRests(shortRests);
        }
        if (asked != null) {
            totals.setAfterHoursReachable(reachable).setAfterHoursWait(waiting);
        }
        if (held != null) {
            totals.setHeldMessages(heldSum);
        }
        if (rosters != null) {
            totals.setOnCallHours(OnCallLoad.round(onCallSum)).setOfficersOverCap(overCap);
            for (OnCallLoad.RosterSpread s : OnCallLoad.spread(rosters, from, to)) {
                RosterLoad.Builder rl = RosterLoad.newBuilder().setRoster(s.name()).setDisplayName(s.displayName())
                        .setWeeklyCapHours(s.weeklyCapHours()).setTotalHours(s.totalHours()).setMeanHours(s.meanHours())
                        .setMaxHours(s.maxHours()).setMaxToMean(s.maxToMean()).setGini(s.gini());
                s.hoursByMember().forEach((nip, h) -> rl.addMembers(MemberLoad.newBuilder()
                        .setOfficer(OfficerName.of(nip).toString()).setHours(h)));
                r.addRosters(rl);
            }
        }
        return r.setTotals(totals).addAllMissingParts(missing).build();
    }

    /** The unit's rosters with their primary slots from the Monday before the month to the Monday after it. */
    private List<OnCallLoad.RosterSlots> rosterSlots(String token, String unitId, Instant from, Instant to, ZoneId zone) {
        Instant weekFrom = OnCallLoad.monday(from, zone);
        Instant weekTo = OnCallLoad.monday(to.minusSeconds(1), zone).atZone(zone).plusWeeks(1).toInstant();
        List<OnCallLoad.RosterSlots> out = new ArrayList<>();
        for (Roster roster : clients.rosters(token, unitId)) {
            List<String> members = roster.getMembersList().stream().map(RosterMember::getOfficer)
                    .map(n -> OfficerName.parse(n, "officer").nip()).toList();
            List<OnCallLoad.Slot> slots = new ArrayList<>();
            for (OnCallSlot s : clients.slots(token, roster.getName(), weekFrom, weekTo)) {
                if (!s.getPrimary().isEmpty()) {
                    slots.add(new OnCallLoad.Slot(OfficerName.parse(s.getPrimary(), "primary").nip(),
                            WellbeingClients.instant(s.getStartTime()), WellbeingClients.instant(s.getEndTime())));
                }
            }
            out.add(new OnCallLoad.RosterSlots(roster.getName(), roster.getDisplayName(),
                    roster.getMaxHoursPerWeek(), members, slots));
        }
        return out;
    }

    /**
     * The part's value, or null (and its name in {@code missing}) when its source failed or did not
     * answer by the deadline. A refusal of the caller is thrown as it came.
     */
    private <T> T part(@Nullable Future<T> f, String name, long deadline, List<String> missing, T whenNoOfficers) {
        if (f == null) {
            return whenNoOfficers;
        }
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            LOG.warn("wellbeing report: the {} part did not come in time", name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JedaException j && refusal(j.kind())) {
                throw j;
            }
            LOG.warn("wellbeing report: the {} part failed: {}", name, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        missing.add(name);
        return null;
    }

    private static boolean refusal(ErrorKind kind) {
        return kind == ErrorKind.PERMISSION_DENIED || kind == ErrorKind.NOT_FOUND
                || kind == ErrorKind.INVALID_ARGUMENT || kind == ErrorKind.UNAUTHENTICATED;
    }

    private static String nip(Officer o) {
        return o.getNip().isEmpty() ? OfficerName.parse(o.getName(), "officer").nip() : o.getNip();
    }
}
