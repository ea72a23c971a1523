package io.jeda.policy.app.schedule;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.calendar.Absence;
import io.jeda.policy.domain.calendar.CalendarDay;
import io.jeda.policy.domain.calendar.RamadanPeriod;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.plan.DayException;
import io.jeda.policy.domain.plan.Plan;
import io.jeda.policy.domain.plan.PlanState;
import io.jeda.policy.domain.roster.OnCallLookup;
import io.jeda.policy.domain.roster.OnCallSlot;
import io.jeda.policy.domain.schedule.EffectiveDay;
import io.jeda.policy.domain.schedule.ScheduleBatch;
import io.jeda.policy.domain.schedule.ScheduleInput;
import io.jeda.policy.domain.schedule.ScheduleResolver;
import io.jeda.policy.persistence.AbsenceRepository;
import io.jeda.policy.persistence.CalendarDayRepository;
import io.jeda.policy.persistence.DayExceptionRepository;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PlanRepository;
import io.jeda.policy.persistence.PositionRepository;
import io.jeda.policy.persistence.RamadanPeriodRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers effective schedules: checks who may ask, loads the inputs of every officer and date
 * asked about with one query per kind of input (never one per officer: the gateway calls the
 * batch on every cache miss), and leaves the rules to {@link ScheduleResolver}.
 */
@Singleton
public class ScheduleService {

    private final OfficerRepository officers;
    private final UnitRepository units;
    private final PositionRepository positions;
    private final PlanRepository plans;
    private final DayExceptionRepository exceptions;
    private final AbsenceRepository absences;
    private final CalendarDayRepository calendarDays;
    private final RamadanPeriodRepository ramadanPeriods;
    private final OnCallLookup onCallLookup;
    private final Clock clock;
    private final PolicySettings settings;
    private final io.jeda.policy.app.AdminAccess scope;

    public ScheduleService(OfficerRepository officers, UnitRepository units, PositionRepository positions,
                           PlanRepository plans, DayExceptionRepository exceptions, AbsenceRepository absences,
                           CalendarDayRepository calendarDays, RamadanPeriodRepository ramadanPeriods,
                           OnCallLookup onCallLookup, @Nullable Clock clock, PolicySettings settings) {
        this.officers = officers;
        this.units = units;
        this.scope = new io.jeda.policy.app.AdminAccess(units);
        this.positions = positions;
        this.plans = plans;
        this.exceptions = exceptions;
        this.absences = absences;
        this.calendarDays = calendarDays;
        this.ramadanPeriods = ramadanPeriods;
        this.onCallLookup = onCallLookup;
        // Uses the service's Clock bean when there is one (tests pin it); defining another Clock
        // factory here would compete with the other slices' "missing Clock" factories.
        this.clock = clock != null ? clock : Clock.systemUTC();
        this.settings = settings;
    }

    /**
     * The schedule of one officer on a local date (today in the officer's zone when null).
     *
     * @throws JedaException NOT_FOUND for an unknown officer; PERMISSION_DENIED for a caller who is
     *                       neither the officer, their direct manager, an admin nor a service
     */
    public EffectiveDay get(Caller caller, String nip, @Nullable LocalDate date) {
        Officer officer = readableOfficer(caller, nip);
        return resolve(List.of(officer), (o, zone) -> Collections.singletonList(date)).get(0);
    }

    /**
     * The schedules of one officer on every local date of [start, end], in date order.
     *
     * @throws JedaException INVALID_ARGUMENT (INVALID_RANGE, RANGE_TOO_LONG) for a bad range, besides
     *                       the errors of {@link #get}
     */
    public List<EffectiveDay> list(Caller caller, String nip, LocalDate start, LocalDate end) {
        // Who may ask is settled before the question is judged, as for a single day.
        Officer officer = readableOfficer(caller, nip);
        if (end.isBefore(start)) {
            throw JedaException.invalidArgument("INVALID_RANGE", "end_date " + end + " is before start_date " + start,
                    "field", "end_date", "start_date", start.toString(), "end_date", end.toString());
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > settings.scheduleMaxRangeDays()) {
            throw JedaException.invalidArgument("RANGE_TOO_LONG", "a range may cover at most "
                            + settings.scheduleMaxRangeDays() + " days, got " + days,
                    "field", "end_date", "days", String.valueOf(days),
                    "max_days", String.valueOf(settings.scheduleMaxRangeDays()));
        }
        List<LocalDate> dates = start.datesUntil(end.plusDays(1)).toList();
        return resolve(List.of(officer), (o, zone) -> dates);
    }

    /** An officer's record with their schedules on consecutive local dates, in date order. */
    public record OfficerDays(Officer officer, String timeZone, List<EffectiveDay> days) {
    }

    /**
     * The officer and their schedules from {@code daysBefore} local dates before the instant's date
     * (in the officer's zone; now when null) to {@code daysAfter} dates after it, read together: one
     * officer query and the schedule's queries once for all the dates.
     *
     * @throws JedaException INVALID_ARGUMENT (INVALID_RANGE, RANGE_TOO_LONG) for negative counts or
     *                       more dates than a range may cover, besides the errors of {@link #get}
     */
    public OfficerDays around(Caller caller, String nip, @Nullable Instant at, int daysBefore, int daysAfter) {
        Officer officer = readableOfficer(caller, nip);
        if (daysBefore < 0 || daysAfter < 0) {
            throw JedaException.invalidArgument("INVALID_RANGE", "days_before and days_after may not be negative",
                    "field", daysBefore < 0 ? "days_before" : "days_after");
        }
        long days = (long) daysBefore + daysAfter + 1;
        if (days > settings.scheduleMaxRangeDays()) {
            throw JedaException.invalidArgument("RANGE_TOO_LONG", "a range may cover at most "
                            + settings.scheduleMaxRangeDays() + " days, got " + days,
                    "field", "days_after", "days", String.valueOf(days),
                    "max_days", String.valueOf(settings.scheduleMaxRangeDays()));
        }
        Instant t = at != null ? at : clock.instant();
        ZoneId[] zone = new ZoneId[1];
        List<EffectiveDay> resolved = resolve(List.of(officer), (o, z) -> {
            zone[0] = z;
            LocalDate date = LocalDate.ofInstant(t, z);
            return date.minusDays(daysBefore).datesUntil(date.plusDays(daysAfter + 1L)).toList();
        });
        return new OfficerDays(officer, zone[0].getId(), resolved);
    }

    /**
     * The schedules of many officers on one local date, each in their own zone (today in each zone
     * when null). Duplicates are answered once; unknown officers are listed, not refused.
     *
     * @throws JedaException INVALID_ARGUMENT (EMPTY_BATCH, BATCH_TOO_LARGE); PERMISSION_DENIED unless
     *                       the caller is a service or an admin, or a manager asking only about
     *                       direct reports
     */
    public ScheduleBatch batch(Caller caller, List<String> nips, @Nullable LocalDate date) {
        boolean manager = !caller.isPrivileged() && caller.has(Role.MANAGER);
        if (!caller.isPrivileged() && !manager) {
            throw JedaException.permissionDenied("ROLE_NOT_ALLOWED",
                    "only services, admins and managers (for their direct reports) may ask for many schedules",
                    "subject", caller.subject());
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(nips));
        if (distinct.isEmpty()) {
            throw JedaException.invalidArgument("EMPTY_BATCH", "officers must name at least one officer",
                    "field", "officers");
        }
        if (distinct.size() > settings.scheduleMaxBatchOfficers()) {
            throw JedaException.invalidArgument("BATCH_TOO_LARGE", "at most " + settings.scheduleMaxBatchOfficers()
                            + " officers may be asked about at once, got " + distinct.size(),
                    "field", "officers", "count", String.valueOf(distinct.size()),
                    "max", String.valueOf(settings.scheduleMaxBatchOfficers()));
        }
        Map<String, Officer> found = officers.findByNipIn(distinct).stream()
                .collect(Collectors.toMap(Officer::nip, Function.identity(), (a, b) -> a));
        if (!manager && caller.isScopedAdmin()) {
            for (Officer o : found.values()) {
                scope.requireUnit(caller, o.unitId());
            }
        }
        if (manager) {
            // Unknown officers are refused too: a manager learns nothing about NIPs outside the team.
            for (String nip : distinct) {
                Officer o = found.get(nip);
                boolean allowed = nip.equals(caller.subject())
                        || (o != null && caller.subject().equals(o.managerNip()));
                if (!allowed) {
                    throw JedaException.permissionDenied("NOT_MANAGER",
                            "officers/" + nip + " is not a direct report of the caller",
                            "subject", caller.subject(), "officer", "officers/" + nip);
                }
            }
        }
        List<Officer> known = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String nip : distinct) {
            Officer o = found.get(nip);
            if (o == null) {
                notFound.add(nip);
            } else {
                known.add(o);
            }
        }
        List<EffectiveDay> days = known.isEmpty() ? List.of() : resolve(known, (o, zone) -> Collections.singletonList(date));
        return new ScheduleBatch(days, notFound);
    }

    /** Applies the read rule of a single officer's schedule and returns the officer. */
    private Officer readableOfficer(Caller caller, String nip) {
        boolean self = caller.isOfficer(nip);
        // HR reads schedules for attendance days, recaps and exports.
        boolean hr = caller.has(Role.HR);
        if (!caller.isPrivileged() && !self && !hr && !caller.has(Role.MANAGER)) {
            throw JedaException.permissionDenied(caller.has(Role.OFFICER) ? "NOT_MANAGER" : "ROLE_NOT_ALLOWED",
                    "only the officer, their direct manager, HR, admins and services may read a schedule",
                    "subject", caller.subject(), "officer", "officers/" + nip);
        }
        Optional<Officer> officer = officers.findById(nip);
        if (self) {
            return officer.orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
        }
        if (caller.isPrivileged() || hr) {
            Officer o = officer.orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
            if (caller.isScopedAdmin() && !(caller.has(Role.MANAGER) && caller.subject().equals(o.managerNip()))) {
                scope.requireUnit(caller, o.unitId());
            }
            return o;
        }
        // A manager who is not this officer's manager learns nothing, not even whether the NIP exists.
        if (officer.isEmpty() || !caller.subject().equals(officer.get().managerNip())) {
            throw JedaException.permissionDenied("NOT_MANAGER",
                    "officers/" + nip + " is not a direct report of the caller",
                    "subject", caller.subject(), "officer", "officers/" + nip);
        }
        return officer.get();
    }

    /**
     * Resolves every officer on their dates (a null date is today in the officer's zone) with a
     * fixed number of queries: units (one per level of the hierarchy), positions, plans, exceptions,
     * absences, calendar days, Ramadan periods and one on-call lookup.
     */
    private List<EffectiveDay> resolve(List<Officer> officerList, BiFunction<Officer, ZoneId, List<LocalDate>> datesOf) {
        Map<String, Unit> unitById = unitsWithAncestors(officerList.stream().map(Officer::unitId).collect(Collectors.toSet()));
        Map<String, Position> positionById = positions.findByIdIn(
                        officerList.stream().map(Officer::positionId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Position::id, Function.identity()));

        Instant now = clock.instant();
        Map<String, ZoneId> zoneOf = new HashMap<>();
        Map<String, List<LocalDate>> datesByNip = new HashMap<>();
        for (Officer o : officerList) {
            Unit unit = unitById.get(o.unitId());
            if (unit == null) {
                throw JedaException.failedPrecondition("UNIT_NOT_FOUND",
                        "the unit of officers/" + o.nip() + " does not exist", "officer", "officers/" + o.nip(),
                        "unit", "units/" + o.unitId());
            }
            if (!positionById.containsKey(o.positionId())) {
                throw JedaException.failedPrecondition("POSITION_NOT_FOUND",
                        "the position of officers/" + o.nip() + " does not exist", "officer", "officers/" + o.nip(),
                        "position", "positions/" + o.positionId());
            }
            ZoneId zone = ZoneId.of(unit.timeZone());
            zoneOf.put(o.nip(), zone);
            List<LocalDate> dates = datesOf.apply(o, zone).stream()
                    .map(d -> d != null ? d : LocalDate.ofInstant(now, zone)).toList();
            datesByNip.put(o.nip(), dates);
        }
        LocalDate from = datesByNip.values().stream().flatMap(List::stream).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = datesByNip.values().stream().flatMap(List::stream).max(Comparator.naturalOrder()).orElseThrow();
        Set<String> nips = officerList.stream().map(Officer::nip).collect(Collectors.toCollection(LinkedHashSet::new));

        Map<String, List<Plan>> plansByNip = plans
                .findByOfficerNipInAndStateAndStartDateLessThanEqualsAndEndDateGreaterThanEquals(nips, PlanState.APPROVED, to, from)
                .stream().collect(Collectors.groupingBy(Plan::officerNip));
        Map<String, List<DayException>> exceptionsByNip = exceptions
                .findByOfficerNipInAndStateAndOnDateBetween(nips, PlanState.APPROVED, from, to)
                .stream().collect(Collectors.groupingBy(DayException::officerNip));
        Map<String, List<Absence>> absencesByNip = absences
                .findByOfficerNipInAndStartDateLessThanEqualsAndEndDateGreaterThanEquals(nips, to, from)
                .stream().collect(Collectors.groupingBy(Absence::officerNip));
        List<CalendarDay> calendar = calendarDays.findByOnDateBetweenOrderByOnDate(from, to);
        List<RamadanPeriod> ramadan = ramadanPeriods.findByStartDateLessThanEqualsAndEndDateGreaterThanEquals(to, from);
        Map<String, List<OnCallSlot>> onCallByNip = onCall(nips, zoneOf, from, to);

        Map<String, Set<String>> lineageByUnit = new HashMap<>();
        List<EffectiveDay> out = new ArrayList<>();
        for (Officer o : officerList) {
            Set<String> lineage = lineageByUnit.computeIfAbsent(o.unitId(), id -> lineage(id, unitById));
            for (LocalDate d : datesByNip.get(o.nip())) {
                out.add(ScheduleResolver.resolve(new ScheduleInput(o.nip(), o.unitId(), lineage, zoneOf.get(o.nip()),
                        positionById.get(o.positionId()), d,
                        absencesByNip.getOrDefault(o.nip(), List.of()), plansByNip.getOrDefault(o.nip(), List.of()),
                        exceptionsByNip.getOrDefault(o.nip(), List.of()), calendar, ramadan,
                        onCallByNip.getOrDefault(o.nip(), List.of()))));
            }
        }
        return out;
    }

    /** One lookup covering the local days of every zone involved; slots are then handed to their officers. */
    private Map<String, List<OnCallSlot>> onCall(Set<String> nips, Map<String, ZoneId> zoneOf, LocalDate from,
                                                 LocalDate to) {
        Instant start = null;
        Instant end = null;
        for (ZoneId zone : new HashSet<>(zoneOf.values())) {
            Instant s = from.atStartOfDay(zone).toInstant();
            Instant e = to.plusDays(1).atStartOfDay(zone).toInstant();
            start = start == null || s.isBefore(start) ? s : start;
            end = end == null || e.isAfter(end) ? e : end;
        }
        Map<String, List<OnCallSlot>> byNip = new HashMap<>();
        for (OnCallSlot slot : onCallLookup.slotsFor(nips, start, end)) {
            if (slot.primaryNip() != null && nips.contains(slot.primaryNip())) {
                byNip.computeIfAbsent(slot.primaryNip(), k -> new ArrayList<>()).add(slot);
            }
            if (slot.backupNip() != null && nips.contains(slot.backupNip()) && !slot.backupNip().equals(slot.primaryNip())) {
                byNip.computeIfAbsent(slot.backupNip(), k -> new ArrayList<>()).add(slot);
            }
        }
        return byNip;
    }

    /** The units asked for and all their ancestors: one query per level of the hierarchy. */
    private Map<String, Unit> unitsWithAncestors(Collection<String> unitIds) {
        Map<String, Unit> byId = new HashMap<>();
        Set<String> asked = new HashSet<>();
        Set<String> wanted = new HashSet<>(unitIds);
        while (!wanted.isEmpty()) {
            asked.addAll(wanted);
            for (Unit u : units.findByIdIn(wanted)) {
                byId.put(u.id(), u);
            }
            // Ids already asked for are never asked again, so a cycle in parent_id cannot loop forever.
            wanted = byId.values().stream().map(Unit::parentId)
                    .filter(p -> p != null && !asked.contains(p)).collect(Collectors.toSet());
        }
        return byId;
    }

    private static Set<String> lineage(String unitId, Map<String, Unit> byId) {
        Set<String> out = new LinkedHashSet<>();
        String id = unitId;
        while (id != null && out.add(id)) {
            Unit u = byId.get(id);
            id = u == null ? null : u.parentId();
        }
        return out;
    }
}
