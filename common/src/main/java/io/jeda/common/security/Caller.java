package io.jeda.common.security;

import io.jeda.common.error.JedaException;

import java.util.Set;

/**
 * Who is calling, as established from a verified token. Domain services receive it explicitly so
 * that every authorization rule is visible where the rule is applied.
 *
 * @param subject the NIP of an officer, or the client id of a system
 * @param roles   the roles the token grants
 */
public record Caller(String subject, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
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
