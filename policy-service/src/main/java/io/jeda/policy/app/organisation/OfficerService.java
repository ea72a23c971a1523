package io.jeda.policy.app.organisation;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.AdminAccess;
import io.jeda.policy.app.UpdateFields;
import io.jeda.common.names.Nip;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.OfficerView;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.organisation.UnitRules;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PositionRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Inject;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of officers: a valid NIP, a unit and position that exist, a manager chain without
 * loops, and the privacy of the domicile, which leaves this service only for the officer
 * themself, admins and other Jeda services, and never in a list.
 */
@Singleton
public class OfficerService {

    /** Fields an update may name, as the API spells them. */
    public static final Set<String> UPDATABLE = Set.of(
            "display_name", "unit", "position", "manager", "domicile", "penalty_until", "probation_until");
    /** Upper bound of a walk up the manager chain, so corrupt data cannot loop forever. */
    private static final int MAX_DEPTH = 1000;

    private final OfficerRepository officers;
    private final UnitRepository units;
    private final PositionRepository positions;
    private final Clock clock;
    private final AdminAccess scope;
    private final io.jeda.policy.app.AdminAudit audit;

    @Inject
    public OfficerService(OfficerRepository officers, UnitRepository units, PositionRepository positions,
                          @Nullable Clock clock, AdminAccess scope, io.jeda.policy.app.AdminAudit audit) {
        this.scope = scope;
        this.audit = audit;
        this.officers = officers;
        this.units = units;
        this.positions = positions;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Creates an officer from the draft; its instants are ignored. */
    @Transactional
    public OfficerView create(Caller caller, Officer draft) {
        caller.requireAdmin();
        String nip = Nip.require(draft.nip(), clock).nip();
        String name = UnitRules.requireDisplayName(draft.displayName(), "officer.display_name");
        Unit unit = requireUnit(draft.unitId());
        scope.requireUnit(caller, unit.id());
        requirePosition(draft.positionId());
        String manager = UnitService.blankToNull(draft.managerNip());
        if (manager != null) {
            requireManager(nip, manager);
        }
        requireDomicile(draft);
        if (officers.existsById(nip)) {
            throw JedaException.alreadyExists("officer", "officers/" + nip);
        }
        Instant now = clock.instant();
        Officer saved;
        try {
            saved = officers.save(new Officer(nip, name, unit.id(), draft.positionId(), manager,
                    draft.domicileLatitude(), draft.domicileLongitude(), draft.domicileRadiusMeters(),
                    draft.penaltyUntil(), draft.probationUntil(), now, now));
        } catch (DataAccessException e) {
            // Two creates raced past the existence check; the primary key let only one through.
            throw officers.existsById(nip) ? JedaException.alreadyExists("officer", "officers/" + nip) : e;
        }
        audit.record(caller, "CreateOfficer", "officers/" + nip, unit.id(), null, saved);
        return new OfficerView(saved, unit.timeZone());
    }

    /** One officer; the domicile only for the officer themself and privileged callers. */
    public OfficerView get(Caller caller, String nip) {
        UnitService.requireReader(caller);
        Officer o = officers.findById(nip).orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
        scope.requireReadOf(caller, o.unitId());
        boolean mayseeDomicile = scope.privilegedOver(caller, o.unitId()) || caller.isOfficer(nip);
        return new OfficerView(mayseeDomicile ? o : withoutDomicile(o), zoneOf(o.unitId()));
    }

    /**
     * An officer already read (with the zone of their unit) as {@link #get} answers it to the caller:
     * the same read rules and the domicile only for the officer themself and privileged callers.
     */
    public OfficerView view(Caller caller, Officer o, String timeZone) {
        UnitService.requireReader(caller);
        scope.requireReadOf(caller, o.unitId());
        boolean mayseeDomicile = scope.privilegedOver(caller, o.unitId()) || caller.isOfficer(o.nip());
        return new OfficerView(mayseeDomicile ? o : withoutDomicile(o), timeZone);
    }

    /**
     * A page of officers ordered by NIP, filtered by unit and/or manager when given. Lists never
     * carry domiciles, whoever asks.
     */
    public PageRequest.Page<OfficerView> list(Caller caller, @Nullable String unitId, @Nullable String managerNip,
                                  PageRequest page) {
        UnitService.requireReader(caller);
        if (unitId != null) {
            scope.requireReadOf(caller, unitId);
        }
        List<Officer> fetched;
        if (unitId != null && managerNip != null) {
            fetched = officers.listByUnitAndManagerPage(unitId, managerNip, page.fetchSize(), page.offset());
        } else if (unitId != null) {
            fetched = officers.listByUnitPage(unitId, page.fetchSize(), page.offset());
        } else if (managerNip != null) {
            fetched = officers.listByManagerPage(managerNip, page.fetchSize(), page.offset());
        } else if (caller.isScopedAdmin() && !caller.isPerson()
                && !io.jeda.common.security.AdminScope.isNational(caller)) {
            // A scoped admin's officers are chosen in the query, so that every page is full.
            fetched = officers.listByUnitInPage(scope.subtree(UnitService.scopeUnit(caller)), page.fetchSize(),
                    page.offset());
        } else {
            fetched = officers.listPage(page.fetchSize(), page.offset());
        }
        PageRequest.Page<Officer> rows = page.page(fetched);
        List<Officer> found = rows.items();
        if (unitId == null && caller.isScopedAdmin() && !caller.isPerson()) {
            // With a manager filter a scoped admin's page is filtered here and may hold fewer than asked.
            found = found.stream().filter(o -> scope.covers(caller, o.unitId())).toList();
        }
        if (found.isEmpty()) {
            return new PageRequest.Page<>(List.of(), rows.nextPageToken());
        }
        Map<String, String> zones = units.findByIdIn(found.stream().map(Officer::unitId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Unit::id, Unit::timeZone, (a, b) -> a));
        return new PageRequest.Page<>(found.stream()
                .map(o -> new OfficerView(withoutDomicile(o), zones.getOrDefault(o.unitId(), ""))).toList(),
                rows.nextPageToken());
    }

    /**
     * Updates the named fields from the patch. A masked manager, domicile or date that is null in
     * the patch is cleared.
     *
     * @param fields what the request asks to change, resolved against {@link #UPDATABLE}
     */
    @Transactional
    public OfficerView update(Caller caller, String nip, Officer patch, UpdateFields fields) {
        caller.requireAdmin();
        Set<String> paths = fields.resolve(UPDATABLE);
        Officer c = officers.findById(nip).orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
        scope.requireUnit(caller, c.unitId());
        if (paths.isEmpty()) {
            return new OfficerView(c, zoneOf(c.unitId()));
        }
        String name = c.displayName();
        String unitId = c.unitId();
        String positionId = c.positionId();
        String manager = c.managerNip();
        Double lat = c.domicileLatitude();
        Double lon = c.domicileLongitude();
        Integer radius = c.domicileRadiusMeters();
        if (paths.contains("display_name")) {
            name = UnitRules.requireDisplayName(patch.displayName(), "officer.display_name");
        }
        if (paths.contains("unit")) {
            unitId = requireUnit(patch.unitId()).id();
            // Moving an officer takes the scope of both units.
            scope.requireUnit(caller, unitId);
        }
        if (paths.contains("position")) {
            positionId = requirePosition(patch.positionId());
        }
        if (paths.contains("manager")) {
            manager = UnitService.blankToNull(patch.managerNip());
            if (manager != null) {
                requireManager(nip, manager);
            }
        }
        if (paths.contains("domicile")) {
            requireDomicile(patch);
            lat = patch.domicileLatitude();
            lon = patch.domicileLongitude();
            radius = patch.domicileRadiusMeters();
        }
        Officer saved = officers.update(new Officer(nip, name, unitId, positionId, manager, lat, lon, radius,
                paths.contains("penalty_until") ? patch.penaltyUntil() : c.penaltyUntil(),
                paths.contains("probation_until") ? patch.probationUntil() : c.probationUntil(),
                c.createdAt(), clock.instant()));
        audit.record(caller, "UpdateOfficer", "officers/" + nip, unitId, c, saved);
        return new OfficerView(saved, zoneOf(unitId));
    }

    /** The officer with the domicile removed, for callers who may not see it. */
    static Officer withoutDomicile(Officer o) {
        return new Officer(o.nip(), o.displayName(), o.unitId(), o.positionId(), o.managerNip(), null, null, null,
                o.penaltyUntil(), o.probationUntil(), o.createdAt(), o.updatedAt());
    }

    private String zoneOf(String unitId) {
        return units.findById(unitId).map(Unit::timeZone).orElse("");
    }

    private Unit requireUnit(String unitId) {
        if (unitId == null || unitId.isBlank()) {
            throw JedaException.invalidField("officer.unit", "officer.unit is required");
        }
        return units.findById(unitId).orElseThrow(() -> JedaException.of(ErrorKind.NOT_FOUND, "UNIT_NOT_FOUND",
                "unit units/" + unitId + " does not exist", "field", "officer.unit", "name", "units/" + unitId));
    }

    private String requirePosition(String positionId) {
        if (positionId == null || positionId.isBlank()) {
            throw JedaException.invalidField("officer.position", "officer.position is required");
        }
        if (!positions.existsById(positionId)) {
            throw JedaException.of(ErrorKind.NOT_FOUND, "POSITION_NOT_FOUND", "position positions/" + positionId
                    + " does not exist", "field", "officer.position", "name", "positions/" + positionId);
        }
        return positionId;
    }

    /** The manager exists, is not the officer, and the officer is not above the manager already. */
    private void requireManager(String nip, String managerNip) {
        if (managerNip.equals(nip)) {
            throw JedaException.invalidArgument("INVALID_MANAGER", "an officer cannot be their own manager",
                    "field", "officer.manager", "manager", "officers/" + managerNip);
        }
        Officer m = officers.findById(managerNip).orElseThrow(() -> JedaException.of(ErrorKind.NOT_FOUND,
                "MANAGER_NOT_FOUND", "manager officers/" + managerNip + " does not exist",
                "field", "officer.manager", "name", "officers/" + managerNip));
        Set<String> seen = new HashSet<>();
        Officer at = m;
        while (at != null && at.managerNip() != null && seen.size() < MAX_DEPTH && seen.add(at.nip())) {
            if (at.managerNip().equals(nip)) {
                throw JedaException.invalidArgument("MANAGER_CYCLE", "officers/" + managerNip
                        + " cannot manage officers/" + nip + ": the manager chain would contain a cycle",
                        "field", "officer.manager", "manager", "officers/" + managerNip);
            }
            at = officers.findById(at.managerNip()).orElse(null);
        }
    }

    private static void requireDomicile(Officer d) {
        boolean any = d.domicileLatitude() != null || d.domicileLongitude() != null || d.domicileRadiusMeters() != null;
        if (!any) {
            return;
        }
        if (d.domicileLatitude() == null || d.domicileLongitude() == null || d.domicileRadiusMeters() == null) {
            throw JedaException.invalidArgument("INVALID_GEOFENCE", "domicile needs a centre and a radius",
                    "field", "officer.domicile");
        }
        UnitRules.requireGeofence(d.domicileLatitude(), d.domicileLongitude(), d.domicileRadiusMeters(),
                "officer.domicile");
    }
}
