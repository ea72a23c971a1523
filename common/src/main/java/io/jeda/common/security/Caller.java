package io.jeda.common.security;

import io.jeda.common.error.JedaException;

import java.util.Set;

/**
 * Who is calling, as established from a verified token. Domain services receive it explicitly so
 * that every authorization rule is visible where the rule is applied.
 *
 * @param subject the NIP of an officer, or the client id of a system
 * @param roles   the roles the token grants
 * @param unit    the unit whose subtree an ADMIN or HR caller administers (the token's {@code unit}
 *                claim, without the {@code units/} prefix), {@link #NATIONAL} for every unit, or
 *                null when the token names none (then the caller administers nothing)
 */
public record Caller(String subject, Set<Role> roles, String unit) {

    /** The scope of a national admin: the root above every unit. */
    public static final String NATIONAL = "*";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A caller whose token names no unit. */
    public Caller(String subject, Set<Role> roles) {
        this(subject, roles, null);
    }

    /** An ADMIN or HR caller that is not another Jeda service: its admin calls are limited to its unit's subtree. */
    public boolean isScopedAdmin() {
        return (has(Role.ADMIN) || has(Role.HR)) && !has(Role.SERVICE);
    }

    /** A caller that reads reference data as an officer or manager, whatever its admin scope. */
    public boolean isPerson() {
        return has(Role.OFFICER) || has(Role.MANAGER);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Trusted internal callers (another Jeda service) and admins see everything. */
    public boolean isPrivileged() {
        return has(Role.ADMIN) || has(Role.SERVICE);
    }

    public boolean isOfficer(String nip) {
        return subject.equals(nip) && (has(Role.OFFICER) || has(Role.MANAGER));
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw JedaException.permissionDenied("ADMIN_REQUIRED", "this action requires the ADMIN role",
                    "subject", subject);
        }
    }

    /** The caller must be privileged or hold one of the given roles. */
    public void requireAny(Role... allowed) {
        if (isPrivileged()) {
            return;
        }
        for (Role r : allowed) {
            if (has(r)) {
                return;
            }
        }
        throw JedaException.permissionDenied("ROLE_NOT_ALLOWED", "the caller's roles do not allow this action",
                "subject", subject);
    }
}
