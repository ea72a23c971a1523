package io.jeda.policy.app.organisation;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.policy.app.AdminAccess;
import io.jeda.policy.app.UpdateFields;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.TimeZones;
import io.jeda.policy.domain.organisation.Office;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.organisation.UnitDetails;
import io.jeda.policy.domain.organisation.UnitRules;
import io.jeda.policy.persistence.OfficeRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of units (unit kerja): the hierarchy stays a tree, every unit has one of Indonesia's
 * three time zones, and its offices are real geofences with codes unique inside the unit.
 */
@Singleton
public class UnitService {

    /** Fields an update may name, as the API spells them. */
    public static final Set<String> UPDATABLE = Set.of(
            "display_name", "parent", "time_zone", "offices", "day_close_time", "serves_public");
    /** Upper bound of a walk up the hierarchy, so corrupt data cannot loop forever. */
    private static final int MAX_DEPTH = 1000;

    private final UnitRepository units;
    private final OfficeRepository offices;
    private final PolicySettings settings;
    private final Clock clock;
    private final AdminAccess scope;
    private final io.jeda.policy.app.AdminAudit audit;

    @Inject
    public UnitService(UnitRepository units, OfficeRepository offices, PolicySettings settings,
                       @Nullable Clock clock, AdminAccess scope, io.jeda.policy.app.AdminAudit audit) {
        this.scope = scope;
        this.audit = audit;
        this.units = units;
        this.offices = offices;
        this.settings = settings;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Creates a unit with its offices. The draft's id, createdAt and updatedAt are ignored; a null
     * day close time takes the configured default.
     */
    @Transactional
    public UnitDetails create(Caller caller, String unitId, UnitDetails draft) {
        caller.requireAdmin();
        UnitRules.requireId(unitId, "unit_id");
        Unit d = draft.unit();
        // A sub-unit is made inside the caller's scope; a top unit only by a national admin.
        if (blankToNull(d.parentId()) == null) {
            scope.requireNationalAdmin(caller, "units/" + unitId);
        } else {
            scope.requireUnit(caller, d.parentId());
        }
        String displayName = UnitRules.requireDisplayName(d.displayName(), "unit.display_name");
        TimeZones.require(d.timeZone());
        String parentId = blankToNull(d.parentId());
        if (parentId != null) {
            requireParent(unitId, parentId);
        }
        List<Office> newOffices = checkOffices(unitId, draft.offices());
        if (units.existsById(unitId)) {
            throw JedaException.alreadyExists("unit", "units/" + unitId);
        }
        Instant now = clock.instant();
        LocalTime close = d.dayCloseTime() == null ? settings.dayCloseTime() : d.dayCloseTime();
        Unit saved;
        try {
            saved = units.save(new Unit(unitId, displayName, parentId, d.timeZone(), close, d.servesPublic(), now, now));
        } catch (DataAccessException e) {
            // Two creates raced past the existence check; the primary key let only one through.
            throw units.existsById(unitId) ? JedaException.alreadyExists("unit", "units/" + unitId) : e;
        }
        UnitDetails created = new UnitDetails(saved, saveOffices(unitId, newOffices));
        audit.record(caller, "CreateUnit", "units/" + unitId, unitId, null, created);
        return created;
    }

    /** One unit; any authenticated Jeda user or service may read units. */
    public UnitDetails get(Caller caller, String unitId) {
        requireReader(caller);
        scope.requireReadOf(caller, unitId);
        Unit u = units.findById(unitId).orElseThrow(() -> JedaException.notFound("unit", "units/" + unitId));
        return new UnitDetails(u, offices.findByUnitIdOrderByCode(unitId));
    }

    /** A page of units ordered by id, optionally only the direct children of {@code parentId}. */
    /** The unit id a scoped token names (its claim is {@code units/{id}} or {@code {id}}). */
    static String scopeUnit(Caller caller) {
        String u = caller.unit() == null ? "" : caller.unit();
        return u.startsWith("units/") ? u.substring("units/".length()) : u;
    }

    public PageRequest.Page<UnitDetails> list(Caller caller, @Nullable String parentId, PageRequest page) {
        requireReader(caller);
        if (parentId != null) {
            scope.requireReadOf(caller, parentId);
        }
        boolean subtree = parentId == null && caller.isScopedAdmin() && !caller.isPerson()
                && !io.jeda.common.security.AdminScope.isNational(caller);
        // A scoped admin's units are chosen in the query, so that every page is full.
        PageRequest.Page<Unit> rows = page.page(subtree
                ? units.listByIdInPage(scope.subtree(scopeUnit(caller)), page.fetchSize(), page.offset())
                : parentId == null ? units.listPage(page.fetchSize(), page.offset())
                : units.listChildrenPage(parentId, page.fetchSize(), page.offset()));
        List<Unit> found = rows.items();
        if (parentId == null && caller.isScopedAdmin() && !caller.isPerson()) {
            // Kept as a guard: the query above already chose the subtree.
            found = found.stream().filter(u -> scope.covers(caller, u.id())).toList();
        }
        if (found.isEmpty()) {
            return new PageRequest.Page<>(List.of(), rows.nextPageToken());
        }
        Map<String, List<Office>> byUnit = new LinkedHashMap<>();
        for (Office o : offices.findByUnitIdInOrderByCode(found.stream().map(Unit::id).toList())) {
            byUnit.computeIfAbsent(o.unitId(), k -> new ArrayList<>()).add(o);
        }
        return new PageRequest.Page<>(
                found.stream().map(u -> new UnitDetails(u, byUnit.getOrDefault(u.id(), List.of()))).toList(),
                rows.nextPageToken());
    }

    /**
     * Updates the named fields of a unit from the patch. Updating {@code offices} replaces them all;
     * a null day close time in the patch restores the configured default.
     *
     * @param fields what the request asks to change, resolved against {@link #UPDATABLE}
     */
    @Transactional
    public UnitDetails update(Caller caller, String unitId, UnitDetails patch, UpdateFields fields) {
        scope.requireAdminOf(caller, unitId);
        Set<String> paths = fields.resolve(UPDATABLE);
        Unit cur = units.findById(unitId).orElseThrow(() -> JedaException.notFound("unit", "units/" + unitId));
        if (paths.isEmpty()) {
            return new UnitDetails(cur, offices.findByUnitIdOrderByCode(unitId));
        }
        UnitDetails before = new UnitDetails(cur, offices.findByUnitIdOrderByCode(unitId));
        Unit p = patch.unit();
        String displayName = cur.displayName();
        String parentId = cur.parentId();
        String zone = cur.timeZone();
        LocalTime close = cur.dayCloseTime();
        boolean servesPublic = cur.servesPublic();
        if (paths.contains("display_name")) {
            displayName = UnitRules.requireDisplayName(p.displayName(), "unit.display_name");
        }
        if (paths.contains("parent")) {
            parentId = blankToNull(p.parentId());
            if (parentId != null) {
                scope.requireUnit(caller, parentId);
                requireParent(unitId, parentId);
            } else {
                scope.requireNationalAdmin(caller, "units/" + unitId);
            }
        }
        if (paths.contains("time_zone")) {
            TimeZones.require(p.timeZone());
            zone = p.timeZone();
        }
        if (paths.contains("day_close_time")) {
            close = p.dayCloseTime() == null ? settings.dayCloseTime() : p.dayCloseTime();
        }
        if (paths.contains("serves_public")) {
            servesPublic = p.servesPublic();
        }
        List<Office> current;
        if (paths.contains("offices")) {
            List<Office> replacement = checkOffices(unitId, patch.offices());
            offices.deleteByUnitId(unitId);
            current = saveOffices(unitId, replacement);
        } else {
            current = offices.findByUnitIdOrderByCode(unitId);
        }
        Unit saved = units.update(new Unit(unitId, displayName, parentId, zone, close, servesPublic,
                cur.createdAt(), clock.instant()));
        UnitDetails after = new UnitDetails(saved, current);
        audit.record(caller, "UpdateUnit", "units/" + unitId, unitId, before, after);
        return after;
    }

    /** Readers of reference data: officers, managers, HR, admins and other Jeda services (not agency systems). */
    public static void requireReader(Caller caller) {
        caller.requireAny(Role.OFFICER, Role.MANAGER, Role.HR);
    }

    /** The parent must exist, and walking up from it must never reach the unit itself. */
    private void requireParent(String unitId, String parentId) {
        if (parentId.equals(unitId)) {
            throw cycle(unitId, parentId);
        }
        Set<String> seen = new HashSet<>();
        String at = parentId;
        boolean first = true;
        while (at != null && seen.size() < MAX_DEPTH && seen.add(at)) {
            String here = at;
            Unit u = units.findById(here).orElse(null);
            if (u == null) {
                if (first) {
                    throw JedaException.of(ErrorKind.NOT_FOUND, "UNIT_NOT_FOUND",
                            "parent unit units/" + here + " does not exist", "field", "unit.parent",
                            "name", "units/" + here);
                }
                return;
            }
            first = false;
            if (unitId.equals(u.parentId())) {
                throw cycle(unitId, parentId);
            }
            at = u.parentId();
        }
    }

    private static JedaException cycle(String unitId, String parentId) {
        return JedaException.invalidArgument("PARENT_CYCLE", "units/" + parentId + " cannot be the parent of units/"
                + unitId + ": the hierarchy would contain a cycle", "field", "unit.parent",
                "parent", "units/" + parentId);
    }

    private List<Office> checkOffices(String unitId, List<Office> input) {
        Set<String> codes = new HashSet<>();
        List<Office> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Office o = input.get(i);
            String field = "unit.offices[" + i + "]";
            String code = UnitRules.requireOfficeCode(o.code(), field + ".id");
            if (!codes.add(code)) {
                throw JedaException.invalidArgument("DUPLICATE_OFFICE", "office id '" + code
                        + "' appears more than once in the unit", "field", field + ".id", "office", code);
            }
            String name = UnitRules.requireDisplayName(o.displayName(), field + ".display_name");
            UnitRules.requireGeofence(o.latitude(), o.longitude(), o.radiusMeters(), field + ".geofence");
            out.add(new Office(null, unitId, code, name, o.latitude(), o.longitude(), o.radiusMeters()));
        }
        return out;
    }

    private List<Office> saveOffices(String unitId, List<Office> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Office> saved = new ArrayList<>();
        offices.saveAll(list).forEach(saved::add);
        saved.sort((a, b) -> a.code().compareTo(b.code()));
        return saved;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
