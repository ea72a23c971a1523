package io.jeda.policy.app;

import io.jeda.common.error.JedaException;
import io.jeda.common.security.AdminScope;
import io.jeda.common.security.Caller;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.persistence.UnitRepository;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Admins per agency in policy-service: an ADMIN or HR caller administers the unit its token names
 * and every unit below it (read from the unit table); what belongs to every unit (positions,
 * national holidays, collective leave, Ramadan periods, top units) needs the national scope.
 */
@Singleton
public class AdminAccess {

    /** Most units of one subtree a listing looks at. */
    private static final int MAX_UNITS = 10_000;

    private final UnitRepository units;

    public AdminAccess(UnitRepository units) {
        this.units = units;
    }

    private Optional<String> parentOf(String unitId) {
        return units.findById(unitId).map(Unit::parentId);
    }

    /** Whether the caller (SERVICE, or ADMIN/HR within its scope) administers the unit. */
    public boolean covers(Caller caller, String unitId) {
        return AdminScope.covers(caller, unitId, this::parentOf);
    }

    /** An admin change or admin read of something of the unit: the unit must be in the caller's scope. */
    public void requireUnit(Caller caller, String unitId) {
        AdminScope.require(caller, unitId, this::parentOf);
    }

    /** ADMIN, and the unit within its scope. */
    public void requireAdminOf(Caller caller, String unitId) {
        caller.requireAdmin();
        requireUnit(caller, unitId);
    }

    /** ADMIN with the national scope, for what belongs to every unit. */
    public void requireNationalAdmin(Caller caller, String what) {
        caller.requireAdmin();
        AdminScope.requireNational(caller, what);
    }

    /**
     * A read of something of the unit: a person (officer, manager) or SERVICE reads as before; a
     * caller reading only as ADMIN or HR reads inside its scope.
     */
    public void requireReadOf(Caller caller, String unitId) {
        if (caller.isPerson() || !caller.isScopedAdmin()) {
            return;
        }
        requireUnit(caller, unitId);
    }

    /** Whether the caller sees the unit's data as an admin does (privileged and within its scope). */
    public boolean privilegedOver(Caller caller, String unitId) {
        return caller.isPrivileged() && covers(caller, unitId);
    }

    /** The unit and every unit below it (breadth first, the unit first; bounded). */
    public java.util.List<String> subtree(String unitId) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(java.util.List.of(unitId));
        while (!queue.isEmpty() && out.size() < MAX_UNITS) {
            String u = queue.poll();
            if (seen.add(u)) {
                out.add(u);
                units.findByParentId(u).forEach(child -> queue.add(child.id()));
            }
        }
        return out;
    }

    /** The refusal for a resource outside the caller's scope. */
    public static JedaException outside(Caller caller, String resource) {
        return AdminScope.outside(caller, resource);
    }
}
