package io.jeda.policy.app.roster;

import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.policy.app.UpdateFields;
import io.jeda.policy.domain.Ids;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.TimeZones;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.roster.OnCallSlot;
import io.jeda.policy.domain.roster.Roster;
import io.jeda.policy.domain.roster.RosterCap;
import io.jeda.policy.domain.roster.RosterDetails;
import io.jeda.policy.domain.roster.RosterMember;
import io.jeda.policy.domain.roster.RosterOverride;
import io.jeda.policy.domain.roster.RosterRotation;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.RosterMemberRepository;
import io.jeda.policy.persistence.RosterOverrideRepository;
import io.jeda.policy.persistence.RosterRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of on-call rosters (piket): who may change them, what a valid roster is, overrides and
 * swaps, the weekly on-call cap, and who is on call when. A refused change stores nothing.
 */
@Singleton
public class RosterService {

    /** The fields UpdateRoster may change. */
    public static final Set<String> UPDATABLE = Set.of(
            "display_name", "unit", "members", "turn_hours", "start_time", "max_hours_per_week",
            "swap_needs_approval");

    private static final Pattern ROSTER_ID = Pattern.compile("[a-z0-9-]{2,63}");
    private static final int MAX_TURN_HOURS = 168;
    private static final int MAX_DISPLAY_NAME = 200;
    private static final int MAX_REASON = 500;
    private static final int SLOTS_DEFAULT = 1;
    private static final int SLOTS_MAX = 100;
    /** A cap check looks at least this far ahead, so that short cycles are checked in whole weeks. */
    private static final Duration MIN_CAP_HORIZON = Duration.ofDays(28);

    private final RosterRepository rosters;
    private final RosterMemberRepository members;
    private final RosterOverrideRepository overrides;
    private final UnitRepository units;
    private final OfficerRepository officers;
    private final RosterLoader loader;
    private final PolicySettings settings;
    private final Clock clock;
    private final io.jeda.policy.app.AdminAccess scope;
    private final io.jeda.policy.app.AdminAudit audit;

    public RosterService(RosterRepository rosters, RosterMemberRepository members, RosterOverrideRepository overrides,
                         UnitRepository units, OfficerRepository officers, RosterLoader loader,
                         PolicySettings settings, Clock clock, io.jeda.policy.app.AdminAccess scope,
                         io.jeda.policy.app.AdminAudit audit) {
        this.scope = scope;
        this.audit = audit;
        this.rosters = rosters;
        this.members = members;
        this.overrides = overrides;
        this.units = units;
        this.officers = officers;
        this.loader = loader;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    public RosterDetails get(Caller caller, String rosterId) {
        requireReader(caller);
        return loader.require(rosterId);
    }

    public PageRequest.Page<RosterDetails> list(Caller caller, @Nullable String unitId, PageRequest page) {
        requireReader(caller);
        PageRequest.Page<Roster> rows = page.page(unitId == null || unitId.isEmpty()
                ? rosters.findPage(page.fetchSize(), page.offset())
                : rosters.findPageOfUnit(unitId, page.fetchSize(), page.offset()));
        List<RosterDetails> out = new ArrayList<>();
        for (Roster r : rows.items()) {
            out.add(new RosterDetails(r, members.findByRosterIdOrderBySeq(r.id())));
        }
        return new PageRequest.Page<>(out, rows.nextPageToken());
    }

    /**
     * The slot in force at t (default now) and the following ones, pageSize in all (default 1,
     * maximum 100). Before the roster starts, the first slots of the roster.
     */
    public List<OnCallSlot> onCallSlots(Caller caller, String rosterId, @Nullable Instant t, int pageSize) {
        requireReader(caller);
        if (pageSize < 0) {
            throw JedaException.invalidArgument("INVALID_PAGE_SIZE", "page_size must not be negative",
                    "field", "page_size");
        }
        int count = pageSize == 0 ? SLOTS_DEFAULT : Math.min(pageSize, SLOTS_MAX);
        Instant at = t != null ? t : clock.instant();
        RosterDetails d = loader.require(rosterId);
        Instant from = at.isBefore(d.roster().startTime()) ? d.roster().startTime() : at;
        Duration span = Duration.ofHours((long) d.roster().turnHours() * count);
        List<OnCallSlot> found = List.of();
        // Every turn gives at least one slot unless overrides join turns; widen the period until enough.
        for (int attempt = 0; attempt < 12; attempt++) {
            RosterRotation rotation = loader.rotation(d, from, from.plus(span));
            found = rotation.slots(from, from.plus(span));
            if (found.size() >= count) {
                break;
            }
            span = span.multipliedBy(2);
        }
        return found.size() > count ? List.copyOf(found.subList(0, count)) : found;
    }

    /** The names of the slots' primaries and backups, by NIP; an officer policy-service does not know is left out. */
    public java.util.Map<String, String> officerNames(List<OnCallSlot> slots) {
        java.util.Set<String> nips = new java.util.HashSet<>();
        for (OnCallSlot s : slots) {
            nips.add(s.primaryNip());
            if (s.backupNip() != null) {
                nips.add(s.backupNip());
            }
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (!nips.isEmpty()) {
            officers.findByNipIn(nips).forEach(o -> names.put(o.nip(), o.displayName()));
        }
        return names;
    }

    // ---------------------------------------------------------------- writes

    @Transactional
    public RosterDetails create(Caller caller, String rosterId, RosterDetails draft) {
        caller.requireAdmin();
        if (rosterId == null || !ROSTER_ID.matcher(rosterId).matches()) {
            throw JedaException.invalidArgument("INVALID_ROSTER_ID",
                    "roster_id must be 2 to 63 characters of a-z, 0-9 and '-', got '" + rosterId + "'",
                    "field", "roster_id");
        }
        Roster in = draft.roster();
        Instant now = now();
        Roster roster = new Roster(rosterId, in.displayName(), in.unitId(), in.turnHours(), in.startTime(),
                in.maxHoursPerWeek(), now, now, in.swapNeedsApproval());
        List<RosterMember> ms = numbered(rosterId, draft.members());
        Unit unit = validate(roster, ms);
        scope.requireUnit(caller, unit.id());
        if (rosters.existsById(rosterId)) {
            throw JedaException.alreadyExists("roster", "rosters/" + rosterId);
        }
        checkCap(roster, ms, unit, List.of(), laterOf(roster.startTime(), now));
        rosters.save(roster);
        List<RosterMember> saved = new ArrayList<>();
        members.saveAll(ms).forEach(saved::add);
        RosterDetails created = new RosterDetails(roster, saved);
        audit.record(caller, "CreateRoster", "rosters/" + rosterId, roster.unitId(), null, created);
        return created;
    }

    /** Changes the fields named by paths; members are replaced as a whole. */
    @Transactional
    public RosterDetails update(Caller caller, String rosterId, RosterDetails changes, UpdateFields fields) {
        caller.requireAdmin();
        Set<String> paths = fields.resolve(UPDATABLE);
        lock(rosterId);
        RosterDetails current = loader.require(rosterId);
        scope.requireUnit(caller, current.roster().unitId());
        if (paths.isEmpty()) {
            return current;
        }
        Roster old = current.roster();
        Roster in = changes.roster();
        Roster roster = new Roster(rosterId,
                paths.contains("display_name") ? in.displayName() : old.displayName(),
                paths.contains("unit") ? in.unitId() : old.unitId(),
                paths.contains("turn_hours") ? in.turnHours() : old.turnHours(),
                paths.contains("start_time") ? in.startTime() : old.startTime(),
                paths.contains("max_hours_per_week") ? in.maxHoursPerWeek() : old.maxHoursPerWeek(),
                old.createdAt(), now(),
                paths.contains("swap_needs_approval") ? in.swapNeedsApproval() : old.swapNeedsApproval());
        boolean replaceMembers = paths.contains("members");
        List<RosterMember> ms = replaceMembers ? numbered(rosterId, changes.members()) : current.members();
        Unit unit = validate(roster, ms);
        scope.requireUnit(caller, unit.id());
        Instant from = laterOf(roster.startTime(), now());
        checkCap(roster, ms, unit, overridesCounted(rosterId, unit, from), from);
        rosters.update(roster);
        RosterDetails after;
        if (!replaceMembers) {
            after = new RosterDetails(roster, ms);
        } else {
            members.deleteByRosterId(rosterId);
            List<RosterMember> saved = new ArrayList<>();
            members.saveAll(ms).forEach(saved::add);
            after = new RosterDetails(roster, saved);
        }
        audit.record(caller, "UpdateRoster", "rosters/" + rosterId, roster.unitId(), current, after);
        return after;
    }

    /** One officer takes [start, end) of the roster as primary. */
    @Transactional
    public RosterOverride createOverride(Caller caller, String rosterId, String officerNip, @Nullable Instant start,
                                         @Nullable Instant end, @Nullable String reason) {
        caller.requireAdmin();
        lock(rosterId);
        RosterDetails d = loader.require(rosterId);
        scope.requireUnit(caller, d.roster().unitId());
        if (start == null) {
            throw JedaException.invalidField("override.start_time", "override.start_time is required");
        }
        if (end == null) {
            throw JedaException.invalidField("override.end_time", "override.end_time is required");
        }
        if (!start.isBefore(end)) {
            throw JedaException.invalidArgument("INVALID_OVERRIDE_PERIOD",
                    "override.start_time must be before override.end_time", "field", "override.end_time");
        }
        Duration max = Duration.ofDays(settings.rosterMaxOverrideDays());
        if (Duration.between(start, end).compareTo(max) > 0) {
            throw JedaException.invalidArgument("OVERRIDE_TOO_LONG",
                    "an override lasts at most " + settings.rosterMaxOverrideDays() + " days",
                    "field", "override.end_time", "max_days", String.valueOf(settings.rosterMaxOverrideDays()));
        }
        if (end.compareTo(d.roster().startTime()) <= 0) {
            throw JedaException.invalidArgument("OVERRIDE_BEFORE_ROSTER_START",
                    "the override ends before the roster starts at " + d.roster().startTime(),
                    "field", "override.end_time", "roster_start", d.roster().startTime().toString());
        }
        requireOfficers(List.of(officerNip), "override.officer");
        String why = reason == null ? "" : reason;
        requireReason(why, "override.reason");
        RosterOverride o = new RosterOverride(Ids.newId(), rosterId, officerNip, start, end, why, now());
        saveCheckedOverrides(d, List.of(o), start);
        audit.record(caller, "CreateRosterOverride", "rosters/" + rosterId + "/overrides/" + o.id(),
                d.roster().unitId(), null, o);
        return o;
    }

    /**
     * The primaries of the base turns containing the two instants exchange turns: two overrides,
     * each covering the other's whole turn.
     */
    @Transactional
    public List<RosterOverride> swap(Caller caller, String rosterId, @Nullable Instant first, @Nullable Instant second,
                                     @Nullable String reason) {
        caller.requireAdmin();
        lock(rosterId);
        RosterDetails d = loader.require(rosterId);
        scope.requireUnit(caller, d.roster().unitId());
        if (first == null) {
            throw JedaException.invalidField("first_slot_time", "first_slot_time is required");
        }
        if (second == null) {
            throw JedaException.invalidField("second_slot_time", "second_slot_time is required");
        }
        String why = reason == null ? "" : reason;
        requireReason(why, "reason");
        List<RosterOverride> swap = swapChecked(d, first, second, why, true);
        audit.record(caller, "SwapRosterSlots", "rosters/" + rosterId, d.roster().unitId(), null, swap);
        return swap;
    }

    /**
     * Checks, without storing anything, that swapping the base turns containing the two instants
     * keeps everyone under the weekly cap (ONCALL_CAP_EXCEEDED otherwise); for a swap two officers
     * propose before anyone decides.
     */
    public void checkSwap(String rosterId, Instant first, Instant second) {
        swapChecked(loader.require(rosterId), first, second, "", false);
    }

    /**
     * Swaps the base turns containing the two instants as {@link #swap} does, for a swap that the
     * officers and, where needed, the manager agreed on (whoever may decide is the caller's rule).
     * Takes the roster's lock and joins the caller's transaction.
     */
    @Transactional
    public List<RosterOverride> applySwap(String rosterId, Instant first, Instant second, String reason) {
        lock(rosterId);
        String why = reason == null ? "" : reason;
        requireReason(why, "reason");
        return swapChecked(loader.require(rosterId), first, second, why, true);
    }

    private List<RosterOverride> swapChecked(RosterDetails d, Instant first, Instant second, String why,
                                             boolean store) {
        List<RosterOverride> swap = RosterRotation.of(d.roster(), d.members(), List.of())
                .swap(first, second, why, now());
        Instant earlier = swap.get(0).startTime().isBefore(swap.get(1).startTime())
                ? swap.get(0).startTime() : swap.get(1).startTime();
        Roster r = d.roster();
        Instant from = laterOf(r.startTime(), earlier);
        Unit unit = requireUnit(r.unitId());
        List<RosterOverride> all = new ArrayList<>(overridesCounted(r.id(), unit, from));
        all.addAll(swap);
        checkCap(r, d.members(), unit, all, from);
        if (store) {
            overrides.saveAll(swap);
        }
        return swap;
    }
    // ---------------------------------------------------------------- helpers

    /**
     * Locks the roster's row for the rest of the transaction, before anything of it is read: changes
     * to one roster then run one after another, so two changes that each keep everyone under the cap
     * cannot together break it. An unknown roster takes no lock and is reported by the load after.
     */
    private void lock(String rosterId) {
        rosters.lockById(rosterId);
    }

    private void saveCheckedOverrides(RosterDetails d, List<RosterOverride> added, Instant changeStart) {
        Roster r = d.roster();
        Instant from = laterOf(r.startTime(), changeStart);
        Unit unit = requireUnit(r.unitId());
        List<RosterOverride> all = new ArrayList<>(overridesCounted(r.id(), unit, from));
        all.addAll(added);
        checkCap(r, d.members(), unit, all, from);
        overrides.saveAll(added);
    }

    /**
     * The stored overrides a cap check from {@code from} must count: the cap is per whole week, so
     * every override still running at the start of from's week (in the unit's zone), not only those
     * running after from. An override earlier in the same week adds to that week's hours.
     */
    private List<RosterOverride> overridesCounted(String rosterId, Unit unit, Instant from) {
        ZoneId zone = TimeZones.require(unit.timeZone());
        Instant weekStart = RosterCap.weekStart(RosterCap.weekOf(from, zone), zone);
        return overrides.findByRosterIdAndEndTimeGreaterThanOrderByStartTime(rosterId, weekStart);
    }

    /** Refuses with ONCALL_CAP_EXCEEDED when anyone would be primary for more than the cap in a week. */
    private void checkCap(Roster r, List<RosterMember> ms, Unit unit, List<RosterOverride> ovs, Instant from) {
        ZoneId zone = TimeZones.require(unit.timeZone());
        int cap = r.maxHoursPerWeek() > 0 ? r.maxHoursPerWeek() : settings.rosterMaxHoursPerWeek();
        RosterRotation rotation = new RosterRotation(r.id(), r.startTime(), r.turnHours(), ms, ovs);
        Duration horizon = rotation.cycle().compareTo(MIN_CAP_HORIZON) > 0 ? rotation.cycle() : MIN_CAP_HORIZON;
        Optional<RosterCap.Excess> excess = RosterCap.check(rotation, zone, cap, from, from.plus(horizon));
        if (excess.isPresent()) {
            RosterCap.Excess e = excess.get();
            throw JedaException.failedPrecondition("ONCALL_CAP_EXCEEDED",
                    "officers/" + e.officerNip() + " would be on call " + e.hoursText() + " hours in the week of "
                            + e.week() + ", over the cap of " + cap + " hours",
                    "officer", "officers/" + e.officerNip(), "week", e.week().toString(),
                    "hours", e.hoursText(), "cap", String.valueOf(cap));
        }
    }

    /** Checks every rule of a roster's fields and members; returns its unit. */
    private Unit validate(Roster r, List<RosterMember> ms) {
        if (r.displayName() == null || r.displayName().isBlank()) {
            throw JedaException.invalidField("roster.display_name", "roster.display_name is required");
        }
        if (r.displayName().length() > MAX_DISPLAY_NAME) {
            throw JedaException.invalidField("roster.display_name",
                    "roster.display_name is at most " + MAX_DISPLAY_NAME + " characters");
        }
        if (r.turnHours() < 1 || r.turnHours() > MAX_TURN_HOURS) {
            throw JedaException.invalidArgument("INVALID_TURN_HOURS",
                    "roster.turn_hours must be between 1 and " + MAX_TURN_HOURS + ", got " + r.turnHours(),
                    "field", "roster.turn_hours");
        }
        if (r.startTime() == null) {
            throw JedaException.invalidField("roster.start_time", "roster.start_time is required");
        }
        if (r.maxHoursPerWeek() < 0 || r.maxHoursPerWeek() > MAX_TURN_HOURS) {
            throw JedaException.invalidField("roster.max_hours_per_week",
                    "roster.max_hours_per_week must be between 0 (the default) and " + MAX_TURN_HOURS);
        }
        if (ms.isEmpty()) {
            throw JedaException.invalidArgument("NO_MEMBERS", "a roster needs at least one member",
                    "field", "roster.members");
        }
        Set<String> seen = new HashSet<>();
        Set<String> nips = new LinkedHashSet<>();
        for (RosterMember m : ms) {
            if (!seen.add(m.officerNip())) {
                throw JedaException.invalidArgument("DUPLICATE_MEMBER",
                        "officers/" + m.officerNip() + " is listed more than once",
                        "field", "roster.members", "officer", "officers/" + m.officerNip());
            }
            if (m.officerNip().equals(m.backupNip())) {
                throw JedaException.invalidArgument("SELF_BACKUP",
                        "officers/" + m.officerNip() + " cannot be their own backup",
                        "field", "roster.members.backup_officer", "officer", "officers/" + m.officerNip());
            }
            nips.add(m.officerNip());
            if (m.backupNip() != null) {
                nips.add(m.backupNip());
            }
        }
        requireOfficers(nips, "roster.members");
        return requireUnit(r.unitId());
    }

    private Unit requireUnit(String unitId) {
        return units.findById(unitId).orElseThrow(() -> JedaException.invalidArgument("UNKNOWN_UNIT",
                "units/" + unitId + " does not exist", "field", "roster.unit", "unit", "units/" + unitId));
    }

    /** Every officer named must exist: INVALID_ARGUMENT UNKNOWN_OFFICER naming the first missing one. */
    private void requireOfficers(Collection<String> nips, String field) {
        Set<String> known = new HashSet<>();
        officers.findByNipIn(nips).forEach(o -> known.add(o.nip()));
        for (String nip : nips) {
            if (!known.contains(nip)) {
                throw JedaException.invalidArgument("UNKNOWN_OFFICER", "officers/" + nip + " does not exist",
                        "field", field, "officer", "officers/" + nip);
            }
        }
    }

    private static void requireReason(String reason, String field) {
        if (reason.length() > MAX_REASON) {
            throw JedaException.invalidField(field, field + " is at most " + MAX_REASON + " characters");
        }
    }

    private static List<RosterMember> numbered(String rosterId, List<RosterMember> in) {
        List<RosterMember> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            RosterMember m = in.get(i);
            out.add(new RosterMember(null, rosterId, i, m.officerNip(), m.backupNip()));
        }
        return out;
    }

    /** Anyone signed in may read rosters except agency systems, which only ask about reachability. */
    private static void requireReader(Caller caller) {
        if (caller.has(Role.AGENCY) && !caller.isPrivileged()) {
            throw JedaException.permissionDenied("AGENCY_NOT_ALLOWED",
                    "agency systems may only ask about reachability", "subject", caller.subject());
        }
    }

    private Instant now() {
        // The database keeps microseconds; a value compared after reading back must match.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

}
