package io.jeda.policy.app.calendar;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.paging.PageRequest;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.organisation.UnitService;
import io.jeda.policy.domain.Ids;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.calendar.Absence;
import io.jeda.policy.domain.calendar.CalendarDay;
import io.jeda.policy.domain.calendar.CalendarDayKind;
import io.jeda.policy.domain.calendar.RamadanPeriod;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.persistence.AbsenceRepository;
import io.jeda.policy.persistence.CalendarDayRepository;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.RamadanPeriodRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The rules of the calendars that override FWA plans: holidays, collective leave and agency days;
 * Ramadan periods with their working hours (never two at once); and officers' leave and official
 * travel, which only the officer, their direct manager and privileged callers may read.
 */
@Singleton
public class CalendarService {

    /** Width of the description columns. */
    private static final int MAX_DAY_DESCRIPTION = 200;
    private static final int MAX_ABSENCE_DESCRIPTION = 500;
    /** Largest year a DATE column holds. */
    private static final int MAX_YEAR = 9999;

    private final CalendarDayRepository days;
    private final RamadanPeriodRepository ramadan;
    private final AbsenceRepository absences;
    private final OfficerRepository officers;
    private final UnitRepository units;
    private final PolicySettings settings;
    private final Clock clock;
    private final io.jeda.policy.app.AdminAccess scope;
    private final io.jeda.policy.app.AdminAudit audit;

    @Inject
    public CalendarService(CalendarDayRepository days, RamadanPeriodRepository ramadan, AbsenceRepository absences,
                           OfficerRepository officers, UnitRepository units, PolicySettings settings,
                           @Nullable Clock clock, io.jeda.policy.app.AdminAccess scope,
                           io.jeda.policy.app.AdminAudit audit) {
        this.scope = scope;
        this.audit = audit;
        this.days = days;
        this.ramadan = ramadan;
        this.absences = absences;
        this.officers = officers;
        this.units = units;
        this.settings = settings;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Adds a calendar day. AGENCY_DAY needs an existing unit; national holidays and collective leave
     * apply everywhere and so must not name one. The draft's id and instant are ignored.
     */
    @Transactional
    public CalendarDay createDay(Caller caller, CalendarDay draft) {
        caller.requireAdmin();
        if (draft.onDate() == null) {
            throw JedaException.invalidField("calendar_day.date", "calendar_day.date is required");
        }
        if (draft.kind() == null) {
            throw JedaException.invalidField("calendar_day.kind", "calendar_day.kind must be set to a kind of day");
        }
        String unitId = UnitService.blankToNull(draft.unitId());
        if (draft.kind() == CalendarDayKind.AGENCY_DAY) {
            if (unitId == null) {
                throw JedaException.invalidArgument("UNIT_REQUIRED", "an AGENCY_DAY must name the unit it applies to",
                        "field", "calendar_day.unit");
            }
            if (!units.existsById(unitId)) {
                throw JedaException.of(ErrorKind.NOT_FOUND, "UNIT_NOT_FOUND", "unit units/" + unitId
                        + " does not exist", "field", "calendar_day.unit", "name", "units/" + unitId);
            }
        } else if (unitId != null) {
            throw JedaException.invalidArgument("UNIT_NOT_ALLOWED", draft.kind() + " applies to every unit and must "
                    + "not name one", "field", "calendar_day.unit");
        }
        // An agency day inside the caller's scope; a day of every unit only by a national admin.
        if (unitId != null) {
            scope.requireUnit(caller, unitId);
        } else {
            scope.requireNationalAdmin(caller, "calendarDays");
        }
        String description = text(draft.description(), MAX_DAY_DESCRIPTION, "calendar_day.description");
        for (CalendarDay same : days.findByOnDateBetweenOrderByOnDate(draft.onDate(), draft.onDate())) {
            if (same.kind() == draft.kind() && Objects.equals(same.unitId(), unitId)) {
                throw JedaException.of(ErrorKind.ALREADY_EXISTS, "CALENDAR_DAY_ALREADY_EXISTS", "calendarDays/"
                        + same.id() + " already makes " + draft.onDate() + " a " + draft.kind()
                        + (unitId == null ? "" : " for units/" + unitId), "name", "calendarDays/" + same.id());
            }
        }
        CalendarDay saved = days.save(new CalendarDay(Ids.newId(), draft.onDate(), draft.kind(), description, unitId,
                clock.instant()));
        audit.record(caller, "CreateCalendarDay", "calendarDays/" + saved.id(), unitId, null, saved);
        return saved;
    }

    /** A page of the days of one year, ordered by date. */
    public PageRequest.Page<CalendarDay> listDays(Caller caller, int year, PageRequest page) {
        UnitService.requireReader(caller);
        if (year < 1 || year > MAX_YEAR) {
            throw JedaException.invalidField("year", "year must be a calendar year, got " + year);
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        return page.page(days.listBetweenPage(from, from.plusYears(1).minusDays(1), page.fetchSize(), page.offset()));
    }

    @Transactional
    public void deleteDay(Caller caller, String id) {
        caller.requireAdmin();
        CalendarDay day = days.findById(id).orElseThrow(() -> JedaException.notFound("calendar_day", "calendarDays/" + id));
        if (day.unitId() != null) {
            scope.requireUnit(caller, day.unitId());
        } else {
            scope.requireNationalAdmin(caller, "calendarDays/" + id);
        }
        days.deleteById(id);
        audit.record(caller, "DeleteCalendarDay", "calendarDays/" + id, day.unitId(), day, null);
    }

    /**
     * Adds a Ramadan period. Zero numbers and a null start time take the configured Ramadan
     * defaults. Two periods never overlap, so a date has one set of Ramadan hours at most.
     */
    @Transactional
    public RamadanPeriod createRamadanPeriod(Caller caller, RamadanPeriod draft) {
        // Ramadan hours apply to every unit.
        scope.requireNationalAdmin(caller, "ramadanPeriods");
        if (draft.startDate() == null) {
            throw JedaException.invalidField("ramadan_period.start_date", "ramadan_period.start_date is required");
        }
        if (draft.endDate() == null) {
            throw JedaException.invalidField("ramadan_period.end_date", "ramadan_period.end_date is required");
        }
        requireRange(draft.startDate(), draft.endDate(), "ramadan_period");
        int weekly = draft.weeklyWorkMinutes() == 0 ? settings.ramadanWeeklyWorkMinutes() : draft.weeklyWorkMinutes();
        int brk = draft.breakMinutes() == 0 ? settings.ramadanBreakMinutes() : draft.breakMinutes();
        int friday = draft.fridayBreakMinutes() == 0 ? settings.ramadanFridayBreakMinutes()
                : draft.fridayBreakMinutes();
        positive(weekly, "ramadan_period.weekly_work_minutes");
        positive(brk, "ramadan_period.break_minutes");
        positive(friday, "ramadan_period.friday_break_minutes");
        List<RamadanPeriod> clash = ramadan.findByStartDateLessThanEqualsAndEndDateGreaterThanEquals(
                draft.endDate(), draft.startDate());
        if (!clash.isEmpty()) {
            RamadanPeriod other = clash.get(0);
            throw JedaException.failedPrecondition("RAMADAN_PERIOD_OVERLAPS", "the period " + draft.startDate() + " to "
                    + draft.endDate() + " overlaps ramadanPeriods/" + other.id() + " (" + other.startDate() + " to "
                    + other.endDate() + ")", "other", "ramadanPeriods/" + other.id());
        }
        RamadanPeriod saved = ramadan.save(new RamadanPeriod(Ids.newId(), draft.startDate(), draft.endDate(), weekly,
                draft.startTime() == null ? settings.ramadanStart() : draft.startTime(), brk, friday, clock.instant()));
        audit.record(caller, "CreateRamadanPeriod", "ramadanPeriods/" + saved.id(), null, null, saved);
        return saved;
    }

    /** A page of Ramadan periods ordered by start date. */
    public PageRequest.Page<RamadanPeriod> listRamadanPeriods(Caller caller, PageRequest page) {
        UnitService.requireReader(caller);
        return page.page(ramadan.listPage(page.fetchSize(), page.offset()));
    }

    /** Records leave or official travel of an existing officer. The draft's id, officer and instant are ignored. */
    @Transactional
    public Absence createAbsence(Caller caller, String nip, Absence draft) {
        caller.requireAdmin();
        Officer officer = officers.findById(nip).orElseThrow(() -> JedaException.notFound("officer", "officers/" + nip));
        scope.requireUnit(caller, officer.unitId());
        if (draft.kind() == null) {
            throw JedaException.invalidField("absence.kind", "absence.kind must be LEAVE or OFFICIAL_TRAVEL");
        }
        if (draft.startDate() == null) {
            throw JedaException.invalidField("absence.start_date", "absence.start_date is required");
        }
        if (draft.endDate() == null) {
            throw JedaException.invalidField("absence.end_date", "absence.end_date is required");
        }
        requireRange(draft.startDate(), draft.endDate(), "absence");
        String description = text(draft.description(), MAX_ABSENCE_DESCRIPTION, "absence.description");
        Absence saved = absences.save(new Absence(Ids.newId(), nip, draft.kind(), draft.startDate(), draft.endDate(),
                description, clock.instant()));
        audit.record(caller, "CreateAbsence", "officers/" + nip + "/absences/" + saved.id(), officer.unitId(), null,
                saved);
        return saved;
    }

    /** A page of an officer's absences, for the officer, their direct manager and privileged callers. */
    public PageRequest.Page<Absence> listAbsences(Caller caller, String nip, PageRequest page) {
        if (caller.isPrivileged() && !caller.isOfficer(nip)) {
            officers.findById(nip).ifPresent(o -> scope.requireUnit(caller, o.unitId()));
        }
        if (!caller.isPrivileged() && !caller.isOfficer(nip)) {
            Officer o = officers.findById(nip).orElse(null);
            // An officer we cannot find has no manager; the caller learns nothing about whether it exists.
            if (o == null || o.managerNip() == null || !caller.isOfficer(o.managerNip())) {
                throw JedaException.permissionDenied("NOT_MANAGER", "only the officer, their direct manager and "
                        + "admins may read officers/" + nip + "'s absences", "officer", "officers/" + nip);
            }
        } else if (!officers.existsById(nip)) {
            throw JedaException.notFound("officer", "officers/" + nip);
        }
        return page.page(absences.listByOfficerPage(nip, page.fetchSize(), page.offset()));
    }

    /** Cancels an absence of the named officer. */
    @Transactional
    public void deleteAbsence(Caller caller, String nip, String id) {
        caller.requireAdmin();
        Officer owner = officers.findById(nip).orElse(null);
        if (owner != null) {
            scope.requireUnit(caller, owner.unitId());
        }
        Absence a = absences.findById(id).filter(x -> x.officerNip().equals(nip)).orElseThrow(() ->
                JedaException.notFound("absence", "officers/" + nip + "/absences/" + id));
        absences.delete(a);
        audit.record(caller, "DeleteAbsence", "officers/" + nip + "/absences/" + id,
                owner == null ? null : owner.unitId(), a, null);
    }

    private static void requireRange(LocalDate start, LocalDate end, String prefix) {
        if (start.isAfter(end)) {
            throw JedaException.invalidArgument("INVALID_DATE_RANGE", prefix + ".start_date " + start
                    + " is after " + prefix + ".end_date " + end, "field", prefix + ".end_date");
        }
    }

    private static void positive(int value, String field) {
        if (value <= 0) {
            throw JedaException.invalidArgument("INVALID_WORK_MINUTES", field + " must be positive, got " + value,
                    "field", field);
        }
    }

    private static String text(String s, int max, String field) {
        String t = s == null ? "" : s.trim();
        if (t.length() > max) {
            throw JedaException.invalidField(field, field + " must be at most " + max + " characters");
        }
        return t;
    }

}
