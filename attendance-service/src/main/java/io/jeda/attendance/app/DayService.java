package io.jeda.attendance.app;

import io.jeda.attendance.domain.AttendanceEvent;
import io.jeda.attendance.domain.AttendanceRecords;
import io.jeda.attendance.domain.AttendanceSettings;
import io.jeda.attendance.domain.Correction;
import io.jeda.attendance.domain.CorrectionOverlay;
import io.jeda.attendance.domain.Corrections;
import io.jeda.attendance.domain.DayRules;
import io.jeda.attendance.domain.DaySummary;
import io.jeda.attendance.domain.EventKind;
import io.jeda.attendance.domain.OfficerInfo;
import io.jeda.attendance.domain.OfficerMonth;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.domain.PolicyUnavailableException;
import io.jeda.attendance.domain.ScheduleInfo;
import io.jeda.attendance.domain.Session;
import io.jeda.attendance.domain.UnitInfo;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An officer's days: each settled by {@link DayRules} from the stored events and the effective
 * schedule policy-service gives for the date. A day is settled once its unit's day-close time has
 * passed in the officer's zone; before that it reads PENDING.
 */
@Singleton
public class DayService {

    private final AttendanceRecords records;
    private final PolicyDirectory policy;
    private final ReadAccess access;
    private final AttendanceSettings settings;
    private final Clock clock;
    private final Corrections corrections;

    public DayService(AttendanceRecords records, PolicyDirectory policy, ReadAccess access,
                      AttendanceSettings settings, Clock clock, Corrections corrections) {
        this.corrections = corrections;
        this.records = records;
        this.policy = policy;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
    }

    /** One local date of one officer, with its sessions. */
    public DaySummary day(Caller caller, String nip, LocalDate date) {
        access.authorize(caller, nip, true);
        Instant now = clock.instant();
        Instant deadline = now.plus(settings.policyDeadline());
        try {
            OfficerInfo officer = officer(nip, deadline);
            LocalTime close = policy.unit(officer.unitId(), deadline).map(UnitInfo::dayCloseTime)
                    .orElse(settings.defaultDayClose());
            ScheduleInfo schedule = policy.schedule(nip, date, deadline);
            List<AttendanceEvent> found = records.events(nip, date, date.plusDays(1));
            return settle(nip, date, officer.timeZone(), close, schedule, found, now,
                    corrections.approved(nip, date, date));
        } catch (PolicyUnavailableException e) {
            throw ReadAccess.policyUnavailable();
        }
    }

    /** Every local date of a month of one officer, without sessions. */
    public List<DaySummary> month(Caller caller, String nip, YearMonth month) {
        access.authorize(caller, nip, true);
        Instant deadline = clock.instant().plus(settings.policyDeadline());
        try {
            String unitId = officer(nip, deadline).unitId();
            LocalTime close = policy.unit(unitId, deadline).map(UnitInfo::dayCloseTime)
                    .orElse(settings.defaultDayClose());
            return officerMonth(nip, month, close, false).days();
        } catch (PolicyUnavailableException e) {
            throw ReadAccess.policyUnavailable();
        }
    }

    /**
     * Every local date of a month of one officer, for the unit recap: no authorization here (the
     * caller of the recap was authorized for the whole unit); sessions only when asked.
     */
    OfficerMonth officerMonth(String nip, YearMonth month, LocalTime close, boolean withSessions) {
        Instant now = clock.instant();
        Instant deadline = now.plus(settings.policyDeadline());
        OfficerInfo officer = officer(nip, deadline);
        List<ScheduleInfo> schedules = policy.schedules(nip, month.atDay(1), month.atEndOfMonth(), deadline);
        List<AttendanceEvent> found = records.events(nip, month.atDay(1),
                month.atEndOfMonth().plusDays(1));
        Map<LocalDate, List<Correction>> fixes = new HashMap<>();
        for (Correction c : corrections.approved(nip, month.atDay(1), month.atEndOfMonth())) {
            fixes.computeIfAbsent(c.localDate(), k -> new ArrayList<>()).add(c);
        }
        List<DaySummary> days = new ArrayList<>();
        for (ScheduleInfo schedule : schedules) {
            DaySummary d = settle(nip, schedule.date(), officer.timeZone(), close, schedule, found, now,
                    fixes.getOrDefault(schedule.date(), List.of()));
            days.add(withSessions ? d : d.withoutSessions());
        }
        return new OfficerMonth(nip, officer.timeZone().getId(), days, officer.displayName());
    }

    private OfficerInfo officer(String nip, Instant deadline) {
        return policy.officer(nip, deadline).orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
    }

    /**
     * Settles one date from the events around it: its check-ins and the check-outs that closed them,
     * with the day's approved corrections laid over them (the recorded sessions are what it shows).
     */
    private DaySummary settle(String nip, LocalDate date, ZoneId zone, LocalTime close, ScheduleInfo schedule,
                              List<AttendanceEvent> all, Instant now, List<Correction> approved) {
        Map<String, AttendanceEvent> checkOuts = new HashMap<>();
        for (AttendanceEvent e : all) {
            if (e.kind() == EventKind.CHECK_OUT && e.checkInId() != null) {
                checkOuts.put(e.checkInId(), e);
            }
        }
        List<Session> sessions = new ArrayList<>();
        for (AttendanceEvent e : all) {
            if (e.kind() == EventKind.CHECK_IN && e.localDate().equals(date)) {
                sessions.add(new Session(e, checkOuts.get(e.id())));
            }
        }
        boolean closed = !now.isBefore(date.atTime(close).atZone(zone).toInstant());
        if (approved.isEmpty()) {
            return DayRules.settle(nip, date, zone.getId(), schedule, sessions, closed, now, settings);
        }
        return DayRules.settle(nip, date, zone.getId(), schedule, CorrectionOverlay.apply(sessions, approved),
                closed, now, settings).corrected(sessions, approved);
    }
}
