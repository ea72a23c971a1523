package io.jeda.common.security;

import io.jeda.common.error.JedaException;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule of admins per agency: an ADMIN or HR token names a unit, and its admin calls reach that
 * unit and every unit below it; a national admin ({@link Caller#NATIONAL}) reaches every unit.
 * Other Jeda services (SERVICE) are not limited. The hierarchy is read through {@code parentOf}, so
 * each service answers from what it has (policy-service its tables, attendance-service its cache).
 */
public final class AdminScope {

    /** Upper bound of a walk up the hierarchy, so corrupt data cannot loop forever. */
    private static final int MAX_DEPTH = 1000;

    private AdminScope() {
    }

    /**
     * Whether the caller administers the unit.
     *
     * @param parentOf the parent unit id of a unit id (empty for a top unit or an unknown one)
     */
    public static boolean covers(Caller caller, String unitId, Function<String, Optional<String>> parentOf) {
        if (caller.has(Role.SERVICE)) {
            return true;
        }
        String scope = caller.unit();
        if (scope == null || scope.isEmpty() || unitId == null) {
            return false;
        }
        if (Caller.NATIONAL.equals(scope)) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        String at = unitId;
        while (at != null && seen.size() < MAX_DEPTH && seen.add(at)) {
            if (at.equals(scope)) {
                return true;
            }
            at = parentOf.apply(at).orElse(null);
        }
        return false;
    }

    /** Whether the caller administers every unit (SERVICE, or the national scope). */
    public static boolean isNational(Caller caller) {
        return caller.has(Role.SERVICE) || Caller.NATIONAL.equals(caller.unit());
    }

    /**
     * @throws JedaException PERMISSION_DENIED {@code ADMIN_SCOPE_MISSING} when the token names no
     *                       unit, {@code OUTSIDE_ADMIN_SCOPE} when the unit is outside it
     */
    public static void require(Caller caller, String unitId, Function<String, Optional<String>> parentOf) {
        if (!covers(caller, unitId, parentOf)) {
            throw outside(caller, "units/" + unitId);
        }
    }

    /** For what belongs to every unit (positions, national holidays, Ramadan periods, top units). */
    public static void requireNational(Caller caller, String what) {
        if (!isNational(caller)) {
            throw outside(caller, what);
        }
    }

    /** The refusal of a call outside the caller's scope (or of a caller without one). */
    public static JedaException outside(Caller caller, String resource) {
        if (caller.unit() == null || caller.unit().isEmpty()) {
            return JedaException.permissionDenied("ADMIN_SCOPE_MISSING",
                    "the token names no unit to administer (claim " + TokenService.UNIT_CLAIM + ")",
                    "subject", caller.subject());
        }
        String scope = Caller.NATIONAL.equals(caller.unit()) ? Caller.NATIONAL : "units/" + caller.unit();
        return JedaException.permissionDenied("OUTSIDE_ADMIN_SCOPE",
                resource + " is outside the caller's administration (" + scope + " and its sub-units)",
                "subject", caller.subject(), "scope", scope, "resource", resource);
    }
}
