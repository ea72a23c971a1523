package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.OfficerInfo;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.attendance.domain.UnitInfo;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.AdminScope;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may read an officer's attendance: the officer themself, SERVICE callers, ADMIN (and HR
 * where the read allows it) within the unit subtree its token names, a
 * manager of the officer's unit (the direct manager, or any MANAGER whose own record is in the
 * same unit, as policy-service records them) and, where the read allows it, HR.
 */
@Singleton
public class ReadAccess {

    private final PolicyDirectory policy;
    private final AttendanceSettings settings;
    private final Clock clock;

    public ReadAccess(PolicyDirectory policy, AttendanceSettings settings, Clock clock) {
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    public void authorize(Caller caller, String nip, boolean hrMayRead) {
        if (caller.has(Role.SERVICE) || caller.isOfficer(nip)) {
            return;
        }
        if (caller.isAdmin() || (hrMayRead && caller.has(Role.HR))) {
            if (caller.isScopedAdmin() && !AdminScope.isNational(caller)) {
                // The officer's unit must be inside the caller's scope.
                try {
                    Instant deadline = clock.instant().plus(settings.policyDeadline());
                    OfficerInfo officer = policy.officer(nip, deadline)
                            .orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
                    requireScope(caller, officer.unitId(), deadline);
                } catch (PolicyUnavailableException e) {
                    throw policyUnavailable();
                }
            }
            return;
        }
        if (caller.has(Role.MANAGER)) {
            try {
                java.time.Instant deadline = clock.instant().plus(settings.policyDeadline());
                Optional<OfficerInfo> officer = policy.officer(nip, deadline);
                if (officer.isPresent()) {
                    if (caller.subject().equals(officer.get().managerNip())) {
                        return;
                    }
                    Optional<OfficerInfo> self = policy.officer(caller.subject(), deadline);
                    if (self.isPresent() && self.get().unitId().equals(officer.get().unitId())) {
                        return;
                    }
                }
            } catch (PolicyUnavailableException e) {
                throw policyUnavailable();
            }
            throw JedaException.permissionDenied("NOT_MANAGER", "only a manager of the officer's unit may read this",
                    "officer", "officers/" + nip, "subject", caller.subject());
        }
        throw JedaException.permissionDenied("ROLE_NOT_ALLOWED", "the caller's roles do not allow this read",
                "subject", caller.subject());
    }

    /**
     * An HR or ADMIN caller reaches only the units of its token's scope (a unit and its sub-units);
     * SERVICE and national callers reach every unit, other callers are not limited here.
     */
    public void requireScope(Caller caller, String unitId) {
        try {
            requireScope(caller, unitId, clock.instant().plus(settings.policyDeadline()));
        } catch (PolicyUnavailableException e) {
            throw policyUnavailable();
        }
    }

    private void requireScope(Caller caller, String unitId, Instant deadline) {
        if (!caller.isScopedAdmin()) {
            return;
        }
        AdminScope.require(caller, unitId, u -> policy.unitForScope(u, deadline).map(UnitInfo::parentId));
    }

    public static JedaException policyUnavailable() {
        return JedaException.of(ErrorKind.UNAVAILABLE, "POLICY_UNAVAILABLE",
                "policy-service did not answer in time; try again");
    }
}
