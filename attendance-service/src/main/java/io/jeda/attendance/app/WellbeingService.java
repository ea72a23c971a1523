package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceRecords;
import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.OfficerInfo;
import io.jeda.attendance.domain.OfficerWellbeing;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.attendance.domain.ScheduleInfo;
import io.jeda.attendance.domain.UnitInfo;
import io.jeda.attendance.domain.WellbeingRules;
import io.jeda.attendance.domain.WellbeingSettings;
import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attendance part of the wellbeing report for a unit's month: loads the unit's officers, their
 * schedules (one batch per date) and their events (one query), then settles each officer with the
 * pure {@link WellbeingRules}. The caller is authorized for the whole unit first; the lookups then
 * go out with this service's own identity.
 */
@Singleton
public class WellbeingService {

    private final PolicyDirectory policy;
    private final AttendanceRecords records;
    private final AttendanceSettings settings;
    private final WellbeingSettings wellbeing;
    private final ReadAccess access;
    private final Clock clock;

    public WellbeingService(PolicyDirectory policy, AttendanceRecords records, AttendanceSettings settings,
                            WellbeingSettings wellbeing, ReadAccess access, Clock clock) {
        this.policy = policy;
        this.records = records;
        this.settings = settings;
        this.wellbeing = wellbeing;
        this.access = access;
        this.clock = clock;
    }

    public WellbeingSettings settings() {
        return wellbeing;
    }

    /** Every officer of the unit (or the named ones among them), ordered by NIP. */
    public List<OfficerWellbeing> month(Caller caller, String unitId, YearMonth month, Collection<String> onlyNips) {
        authorize(caller, unitId);
        Instant now = clock.instant();
        Instant deadline = now.plus(wellbeing.policyDeadline());
        try {
            return policy.asService(() -> {
                UnitInfo unit = policy.unit(unitId, deadline)
                        .orElseThrow(() -> JedaException.notFound("unit", "units/" + unitId));
                List<String> nips = new ArrayList<>(new LinkedHashSet<>(policy.officersOfUnit(unitId, deadline)));
                if (!onlyNips.isEmpty()) {
                    Set<String> wanted = Set.copyOf(onlyNips);
                    nips.removeIf(n -> !wanted.contains(n));
                }
                nips.sort(String::compareTo);
                if (nips.isEmpty()) {
                    return List.of();
                }
                Map<String, List<ScheduleInfo>> schedules = policy.schedulesOf(nips, month.atDay(1),
                        month.atEndOfMonth(), deadline);
                Map<String, List<AttendanceEvent>> events = new HashMap<>();
                for (AttendanceEvent e : records.eventsOf(nips, month.atDay(1).minusDays(1),
                        month.atEndOfMonth().plusDays(1))) {
                    events.computeIfAbsent(e.officerNip(), k -> new ArrayList<>()).add(e);
                }
                List<OfficerWellbeing> out = new ArrayList<>();
                for (String nip : nips) {
                    out.add(WellbeingRules.month(nip, unit.timeZone(), month, schedules.getOrDefault(nip, List.of()),
                            events.getOrDefault(nip, List.of()), unit.dayCloseTime(), now, settings, wellbeing));
                }
                return out;
            });
        } catch (PolicyUnavailableException e) {
            throw ReadAccess.policyUnavailable();
        }
    }

    /**
     * SERVICE callers (the gateway); HR and ADMIN inside their unit scope; a MANAGER whose own record
     * is in the unit (as for reading a unit colleague's days).
     */
    private void authorize(Caller caller, String unitId) {
        if (caller.has(Role.SERVICE)) {
            return;
        }
        if (caller.isAdmin() || caller.has(Role.HR)) {
            access.requireScope(caller, unitId);
            return;
        }
        if (caller.has(Role.MANAGER)) {
            try {
                Instant deadline = clock.instant().plus(settings.policyDeadline());
                OfficerInfo self = policy.asService(() -> policy.officer(caller.subject(), deadline)).orElse(null);
                if (self != null && self.unitId().equals(unitId)) {
                    return;
                }
            } catch (PolicyUnavailableException e) {
                throw ReadAccess.policyUnavailable();
            }
            throw JedaException.permissionDenied("NOT_MANAGER_OF_UNIT",
                    "a manager may read the wellbeing report of their own unit only",
                    "unit", "units/" + unitId, "subject", caller.subject());
        }
        throw JedaException.permissionDenied("ROLE_NOT_ALLOWED", "the caller's roles do not allow this read",
                "subject", caller.subject());
    }
}
