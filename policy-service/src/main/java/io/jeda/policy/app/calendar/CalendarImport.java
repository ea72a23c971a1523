package io.jeda.policy.app.calendar;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.AdminAccess;
import io.jeda.policy.app.AdminAudit;
import io.jeda.policy.app.CsvImport;
import io.jeda.policy.app.CsvImport.Outcome;
import io.jeda.policy.domain.Ids;
import io.jeda.policy.domain.PolicySettings;
import io.jeda.policy.domain.calendar.CalendarDay;
import io.jeda.policy.domain.calendar.CalendarDayKind;
import io.jeda.policy.domain.calendar.RamadanPeriod;
import io.jeda.policy.persistence.CalendarDayRepository;
import io.jeda.policy.persistence.RamadanPeriodRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * National holidays, collective leave, agency days and Ramadan periods from a CSV file, all or
 * nothing, read like the officers' file ({@link CsvImport}) and checked by the rules of
 * {@link CalendarService}: an agency day names a unit of the caller's scope, the other kinds belong
 * to every unit and need a national admin, a day is never entered twice for the same kind and unit,
 * and two Ramadan periods never overlap. A row with an end date stands for every day of its range.
 */
@Singleton
public class CalendarImport {

    static final List<String> REQUIRED = List.of("date", "kind");
    /** Longest range one row may stand for. */
    private static final int MAX_DAYS_PER_ROW = 366;
    private static final int MAX_DESCRIPTION = 200;
    private static final String RAMADAN = "RAMADAN";

    private final CalendarDayRepository days;
    private final RamadanPeriodRepository ramadan;
    private final UnitRepository units;
    private final AdminAccess scope;
    private final AdminAudit audit;
    private final PolicySettings settings;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public CalendarImport(CalendarDayRepository days, RamadanPeriodRepository ramadan, UnitRepository units,
                          AdminAccess scope, AdminAudit audit, PolicySettings settings,
                          TransactionOperations<Connection> tx, @Nullable Clock clock) {
        this.days = days;
        this.ramadan = ramadan;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** What the file stored. */
    public record Stored(Outcome outcome, int calendarDays, int ramadanPeriods) {
    }

    private record Key(LocalDate date, CalendarDayKind kind, String unitId) {
    }

    public Stored run(Caller caller, String csv, boolean validateOnly) {
        caller.requireAdmin();
        CsvImport file = CsvImport.read(csv, REQUIRED);
        if (file.hasProblems()) {
            return new Stored(file.outcome(true), 0, 0);
        }
        boolean national = isNational(caller);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Boolean> inScope = new HashMap<>();
        Map<Key, Integer> firstLine = new HashMap<>();
        List<CalendarDay> newDays = new ArrayList<>();
        List<Integer> dayLines = new ArrayList<>();
        List<RamadanPeriod> periods = new ArrayList<>();
        List<Integer> periodLines = new ArrayList<>();
        int storedRows = 0;
        for (CsvRecord r : file.rows()) {
            int line = CsvImport.line(r);
            int before = file.problems().size();
            String kindText = file.value(r, "kind");
            LocalDate start = file.date(r, "date");
            LocalDate end = file.date(r, "end_date");
            if (file.value(r, "date").isEmpty()) {
                file.problem(line, "date", "MISSING_VALUE", "date is empty");
            }
            String description = file.value(r, "description");
            if (description.length() > MAX_DESCRIPTION) {
                file.problem(line, "description", "TOO_LONG", "description has " + description.length()
                        + " characters, at most " + MAX_DESCRIPTION);
            }
            String unitId = file.id(r, "unit", "units/");
            CalendarDayKind kind = null;
            boolean isRamadan = RAMADAN.equals(normalise(kindText));
            if (!isRamadan) {
                kind = kind(kindText);
                if (kind == null) {
                    file.problem(line, "kind", kindText.isEmpty() ? "MISSING_VALUE" : "UNKNOWN_KIND", "'" + kindText
                            + "' is not a kind of day (NATIONAL_HOLIDAY, COLLECTIVE_LEAVE, AGENCY_DAY, RAMADAN)");
                }
            }
            if (start != null && end != null && end.isBefore(start)) {
                file.problem(line, "end_date", "INVALID_DATE_RANGE", "end_date " + end + " is before date " + start);
            } else if (start != null && end != null && ChronoUnit.DAYS.between(start, end) >= MAX_DAYS_PER_ROW) {
                file.problem(line, "end_date", "INVALID_DATE_RANGE", "a row covers at most " + MAX_DAYS_PER_ROW
                        + " days");
            }
            // Who may enter the row.
            if (kind == CalendarDayKind.AGENCY_DAY) {
                if (unitId.isEmpty()) {
                    file.problem(line, "unit", "UNIT_REQUIRED", "an AGENCY_DAY must name the unit it applies to");
                } else if (!units.existsById(unitId)) {
                    file.problem(line, "unit", "UNKNOWN_UNIT", "no unit '" + unitId + "'");
                } else if (!inScope.computeIfAbsent(unitId, u -> scope.covers(caller, u))) {
                    file.problem(line, "unit", "OUTSIDE_ADMIN_SCOPE", "units/" + unitId
                            + " is outside the caller's administration");
                }
            } else if (kind != null || isRamadan) {
                if (!unitId.isEmpty()) {
                    file.problem(line, "unit", "UNIT_NOT_ALLOWED", (isRamadan ? RAMADAN : kind.name())
                            + " applies to every unit and must not name one");
                } else if (!national) {
                    file.problem(line, "kind", "OUTSIDE_ADMIN_SCOPE", (isRamadan ? RAMADAN : kind.name())
                            + " applies to every unit; only a national admin enters it");
                }
            }
            if (isRamadan) {
                if (end == null && file.value(r, "end_date").isEmpty()) {
                    file.problem(line, "end_date", "MISSING_VALUE", "a RAMADAN period needs its end_date");
                }
                LocalTime startTime = file.time(r, "start_time");
                Integer weekly = file.integer(r, "weekly_work_minutes");
                if (weekly != null && weekly <= 0) {
                    file.problem(line, "weekly_work_minutes", "INVALID_WORK_MINUTES",
                            "weekly_work_minutes must be positive, got " + weekly);
                }
                if (file.problems().size() == before) {
                    periods.add(new RamadanPeriod(Ids.newId(), start, end,
                            weekly == null ? settings.ramadanWeeklyWorkMinutes() : weekly,
                            startTime == null ? settings.ramadanStart() : startTime, settings.ramadanBreakMinutes(),
                            settings.ramadanFridayBreakMinutes(), now));
                    periodLines.add(line);
                    storedRows++;
                }
                continue;
            }
            if (file.problems().size() != before) {
                continue;
            }
            String unit = kind == CalendarDayKind.AGENCY_DAY ? unitId : null;
            for (LocalDate d = start; !d.isAfter(end == null ? start : end); d = d.plusDays(1)) {
                Key key = new Key(d, kind, unit);
                Integer seen = firstLine.putIfAbsent(key, line);
                if (seen != null) {
                    file.problem(line, "date", "DUPLICATE_DAY", d + " is a " + kind + " on line " + seen + " too");
                    break;
                }
                newDays.add(new CalendarDay(Ids.newId(), d, kind, description, unit, now));
                dayLines.add(line);
            }
            storedRows++;
        }
        // Days and periods already on record, loaded once for the file's dates.
        if (!newDays.isEmpty()) {
            LocalDate min = newDays.stream().map(CalendarDay::onDate).min(LocalDate::compareTo).orElseThrow();
            LocalDate max = newDays.stream().map(CalendarDay::onDate).max(LocalDate::compareTo).orElseThrow();
            Map<Key, CalendarDay> onRecord = new HashMap<>();
            days.findByOnDateBetweenOrderByOnDate(min, max)
                    .forEach(d -> onRecord.put(new Key(d.onDate(), d.kind(), d.unitId()), d));
            Set<Integer> reported = new HashSet<>();
            for (int i = 0; i < newDays.size(); i++) {
                CalendarDay d = newDays.get(i);
                CalendarDay same = onRecord.get(new Key(d.onDate(), d.kind(), d.unitId()));
                if (same != null && reported.add(dayLines.get(i))) {
                    file.problem(dayLines.get(i), "date", "CALENDAR_DAY_EXISTS", "calendarDays/" + same.id()
                            + " already makes " + d.onDate() + " a " + d.kind()
                            + (d.unitId() == null ? "" : " for units/" + d.unitId()));
                }
            }
        }
        List<RamadanPeriod> known = periods.isEmpty() ? List.of() : new ArrayList<>(ramadan.findAll());
        for (int i = 0; i < periods.size(); i++) {
            RamadanPeriod p = periods.get(i);
            for (int j = 0; j < i; j++) {
                if (overlap(p, periods.get(j))) {
                    file.problem(periodLines.get(i), "date", "RAMADAN_PERIOD_OVERLAPS", "the period " + p.startDate()
                            + " to " + p.endDate() + " overlaps the one on line " + periodLines.get(j));
                }
            }
            for (RamadanPeriod other : known) {
                if (overlap(p, other)) {
                    file.problem(periodLines.get(i), "date", "RAMADAN_PERIOD_OVERLAPS", "the period " + p.startDate()
                            + " to " + p.endDate() + " overlaps ramadanPeriods/" + other.id() + " ("
                            + other.startDate() + " to " + other.endDate() + ")");
                }
            }
        }
        Outcome refused = file.outcome(validateOnly);
        if (refused != null) {
            return new Stored(refused, 0, 0);
        }
        Set<String> touched = new TreeSet<>();
        newDays.stream().map(CalendarDay::unitId).filter(Objects::nonNull).forEach(touched::add);
        boolean onlyAgencyDays = periods.isEmpty() && newDays.stream().allMatch(d -> d.unitId() != null);
        int imported = storedRows;
        tx.executeWrite(status -> {
            days.saveAll(newDays);
            ramadan.saveAll(periods);
            audit.record(caller, "ImportCalendarDays", "calendarDays",
                    onlyAgencyDays && touched.size() == 1 ? touched.iterator().next() : null, null,
                    Map.of("imported", imported, "calendarDays", newDays.size(), "ramadanPeriods", periods.size(),
                            "units", List.copyOf(touched)));
            return null;
        });
        return new Stored(file.stored(storedRows), newDays.size(), periods.size());
    }

    private boolean isNational(Caller caller) {
        try {
            scope.requireNationalAdmin(caller, "calendarDays");
            return true;
        } catch (JedaException e) {
            return false;
        }
    }

    private static boolean overlap(RamadanPeriod a, RamadanPeriod b) {
        return !a.startDate().isAfter(b.endDate()) && !b.startDate().isAfter(a.endDate());
    }

    private static String normalise(String kind) {
        String v = kind.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return v.startsWith("CALENDAR_DAY_KIND_") ? v.substring("CALENDAR_DAY_KIND_".length()) : v;
    }

    /** The kind by its API name or its Indonesian name. */
    static CalendarDayKind kind(String text) {
        return switch (normalise(text)) {
            case "NATIONAL_HOLIDAY", "LIBUR_NASIONAL" -> CalendarDayKind.NATIONAL_HOLIDAY;
            case "COLLECTIVE_LEAVE", "CUTI_BERSAMA" -> CalendarDayKind.COLLECTIVE_LEAVE;
            case "AGENCY_DAY", "HARI_INSTANSI", "LIBUR_INSTANSI" -> CalendarDayKind.AGENCY_DAY;
            default -> null;
        };
    }
}
