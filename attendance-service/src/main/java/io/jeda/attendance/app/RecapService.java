package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.ExportAudit;
import io.jeda.attendance.domain.ExportAudits;
import io.jeda.attendance.domain.OfficerMonth;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.attendance.domain.UnitInfo;
import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.AdminScope;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The monthly recap of a unit for HR, officer by officer so that a large unit streams rather than
 * being held in memory. The export variant carries positions and is audited before anything is
 * sent.
 */
@Singleton
public class RecapService {

    private final DayService days;
    private final PolicyDirectory policy;
    private final ExportAudits audits;
    private final AttendanceSettings settings;
    private final Clock clock;
    private final ReadAccess access;

    public RecapService(DayService days, PolicyDirectory policy, ExportAudits audits,
                        AttendanceSettings settings, Clock clock, ReadAccess access) {
        this.access = access;
        this.days = days;
        this.policy = policy;
        this.audits = audits;
        this.settings = settings;
        this.clock = clock;
    }

    /** One page of the recorded exports, newest first, optionally of one unit. HR and ADMIN only. */
    public PageRequest.Page<ExportAudit> exports(Caller caller, String unitIdOrNull, PageRequest page) {
        requireHr(caller);
        if (unitIdOrNull != null) {
            access.requireScope(caller, unitIdOrNull);
        } else if (caller.isScopedAdmin() && !AdminScope.isNational(caller)) {
            // Without a unit the list spans every unit: only for national callers.
            throw AdminScope.outside(caller, "exportRecords");
        }
        return page.page(audits.page(unitIdOrNull, page.fetchSize(), page.offset()));
    }

    private static void requireHr(Caller caller) {
        if (!caller.has(Role.HR) && !caller.isAdmin()) {
            throw JedaException.permissionDenied("HR_REQUIRED", "only HR may export attendance data or see exports",
                    "subject", caller.subject());
        }
    }

    /**
     * Feeds the sink one officer-month at a time.
     *
     * @param export true for the HR export (positions included, HR or ADMIN only, audited)
     */
    public void recap(Caller caller, String unitId, YearMonth month, boolean export, Consumer<OfficerMonth> sink) {
        if (export) {
            requireHr(caller);
        } else {
            caller.requireAny(Role.HR);
        }
        access.requireScope(caller, unitId);
        try {
            Instant deadline = clock.instant().plus(settings.policyDeadline());
            UnitInfo unit = policy.unit(unitId, deadline)
                    .orElseThrow(() -> JedaException.notFound("unit", "units/" + unitId));
            List<String> nips = policy.officersOfUnit(unitId, clock.instant().plus(settings.policyDeadline()));
            if (export) {
                audits.record(new ExportAudit(UUID.randomUUID().toString(), caller.subject(), unitId, month.toString(),
                        clock.instant().truncatedTo(ChronoUnit.SECONDS), nips.size()));
            }
            LocalTime close = unit.dayCloseTime();
            for (String nip : nips) {
                sink.accept(days.officerMonth(nip, month, close, export));
            }
        } catch (PolicyUnavailableException e) {
            throw ReadAccess.policyUnavailable();
        }
    }
}
