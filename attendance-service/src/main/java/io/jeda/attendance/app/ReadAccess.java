package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.OfficerInfo;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * Who may read an officer's attendance: the officer themself, ADMIN and SERVICE callers, a
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
        if (caller.isPrivileged() || caller.isOfficer(nip) || (hrMayRead && caller.has(Role.HR))) {
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

    public static JedaException policyUnavailable() {
        return JedaException.of(ErrorKind.UNAVAILABLE, "POLICY_UNAVAILABLE",
                "policy-service did not answer in time; try again");
    }
}
