package io.jeda.attendance.domain;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * Who may read an officer's attendance: the officer themself, ADMIN and SERVICE callers, the
 * officer's direct manager (as policy-service records it) and, where the read allows it, HR.
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
        if (caller.isPrivileged() || caller.isOfficer(nip) || (hrMayRead && caller.has(Role.HR))) {
            return;
        }
        if (caller.has(Role.MANAGER)) {
            Optional<OfficerInfo> officer;
            try {
                officer = policy.officer(nip, clock.instant().plus(settings.policyDeadline()));
            } catch (PolicyUnavailableException e) {
                throw policyUnavailable();
            }
            if (officer.isPresent() && caller.subject().equals(officer.get().managerNip())) {
                return;
            }
            throw JedaException.permissionDenied("NOT_MANAGER", "only the officer's direct manager may read this",
                    "officer", "officers/" + nip, "subject", caller.subject());
        }
        throw JedaException.permissionDenied("ROLE_NOT_ALLOWED", "the caller's roles do not allow this read",
                "subject", caller.subject());
    }

    /** Whether the caller may see the officer's raw positions: only the officer themself. */
    public static boolean maySeePositions(Caller caller, String nip) {
        return caller.subject().equals(nip);
    }

    public static JedaException policyUnavailable() {
        return JedaException.of(ErrorKind.UNAVAILABLE, "POLICY_UNAVAILABLE",
                "policy-service did not answer in time; try again");
    }
}
