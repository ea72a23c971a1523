package io.jeda.policy.app.organisation;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.AdminAccess;
import io.jeda.policy.app.AdminAudit;
import io.jeda.policy.app.CsvImport;
import io.jeda.policy.app.CsvImport.Outcome;
import io.jeda.policy.domain.WorkPlace;
import io.jeda.policy.domain.organisation.FlexiTimeKind;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.PositionRules;
import io.jeda.policy.domain.organisation.UnitRules;
import io.jeda.policy.persistence.PositionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Positions and their FWA eligibility from a CSV file, all or nothing, read like the officers' file
 * ({@link CsvImport}): each row becomes a position as CreatePosition would make it (unset values take
 * the national defaults, then the rules of {@link PositionRules}), and every row that could not be
 * created is reported with its line and reason.
 */
@Singleton
public class PositionImport {

    static final List<String> REQUIRED = List.of("position_id", "display_name");

    private final PositionRepository positions;
    private final PositionService service;
    private final AdminAccess scope;
    private final AdminAudit audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public PositionImport(PositionRepository positions, PositionService service, AdminAccess scope, AdminAudit audit,
                          TransactionOperations<Connection> tx, @Nullable Clock clock) {
        this.positions = positions;
        this.service = service;
        this.scope = scope;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public Outcome run(Caller caller, String csv, boolean validateOnly) {
        // Positions and their eligibility are shared by every unit.
        scope.requireNationalAdmin(caller, "positions");
        CsvImport file = CsvImport.read(csv, REQUIRED);
        if (file.hasProblems()) {
            return file.outcome(true);
        }
        Set<String> existing = positions.findAll().stream().map(Position::id).collect(Collectors.toSet());
        Map<String, Integer> firstLine = new HashMap<>();
        List<Position> good = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (CsvRecord r : file.rows()) {
            int line = CsvImport.line(r);
            int before = file.problems().size();
            String id = file.id(r, "position_id", "positions/");
            try {
                UnitRules.requireId(id, "position_id");
                Integer seen = firstLine.putIfAbsent(id, line);
                if (seen != null) {
                    file.problem(line, "position_id", "DUPLICATE_POSITION", "positions/" + id + " is also on line " + seen);
                } else if (existing.contains(id)) {
                    file.problem(line, "position_id", "POSITION_EXISTS", "positions/" + id + " already exists");
                }
            } catch (JedaException e) {
                file.problem(line, "position_id", e);
            }
            String name = file.value(r, "display_name");
            if (name.isEmpty()) {
                file.problem(line, "display_name", "MISSING_VALUE", "display_name is empty");
            }
            Boolean eligible = file.bool(r, "fwa_eligible");
            Set<WorkPlace> places = places(file, r, line);
            Integer remote = file.integer(r, "max_remote_days_per_week");
            FlexiTimeKind kind = flexiTime(file, r, line);
            LocalTime start = file.time(r, "default_start");
            LocalTime windowBegin = file.time(r, "start_window_begin");
            LocalTime windowEnd = file.time(r, "start_window_end");
            LocalTime coreStart = file.time(r, "core_start");
            LocalTime coreEnd = file.time(r, "core_end");
            Integer weekly = file.integer(r, "weekly_work_minutes");
            Integer daily = file.integer(r, "daily_work_minutes");
            Integer brk = file.integer(r, "break_minutes");
            Integer friday = file.integer(r, "friday_break_minutes");
            if (file.problems().size() != before) {
                continue;
            }
            Position draft = new Position(id, name, Boolean.TRUE.equals(eligible), null, zero(remote), kind, start,
                    windowBegin, windowEnd, zero(weekly), zero(daily), zero(brk), zero(friday), coreStart, coreEnd,
                    null, null);
            // A blank remote-day cell takes the default; a written 0 means no remote day at all.
            Position filled = service.withDefaults(id, draft);
            if (remote != null && remote == 0) {
                filled = withRemoteDays(filled, 0);
            }
            filled = new Position(id, filled.displayName(), filled.fwaEligible(), Position.encodePlaces(places),
                    filled.maxRemoteDaysPerWeek(), filled.flexiTime(), filled.defaultStart(), filled.startWindowBegin(),
                    filled.startWindowEnd(), filled.weeklyWorkMinutes(), filled.dailyWorkMinutes(),
                    filled.breakMinutes(), filled.fridayBreakMinutes(), filled.coreStart(), filled.coreEnd(), now, now);
            try {
                good.add(PositionRules.check(filled));
            } catch (JedaException e) {
                file.problem(line, "", e);
            }
        }
        Outcome refused = file.outcome(validateOnly);
        if (refused != null) {
            return refused;
        }
        tx.executeWrite(status -> {
            positions.saveAll(good);
            audit.record(caller, "ImportPositions", "positions", null, null, Map.of("imported", good.size(),
                    "positions", good.stream().map(p -> "positions/" + p.id()).toList()));
            return null;
        });
        return file.stored(good.size());
    }

    private static int zero(Integer i) {
        return i == null ? 0 : i;
    }

    private static Position withRemoteDays(Position p, int days) {
        return new Position(p.id(), p.displayName(), p.fwaEligible(), p.allowedPlaces(), days, p.flexiTime(),
                p.defaultStart(), p.startWindowBegin(), p.startWindowEnd(), p.weeklyWorkMinutes(),
                p.dailyWorkMinutes(), p.breakMinutes(), p.fridayBreakMinutes(), p.coreStart(), p.coreEnd(),
                p.createdAt(), p.updatedAt());
    }

    /** Places separated by spaces, ';', '|' or (in a quoted cell) ','; with or without the WORK_PLACE_ prefix. */
    private static Set<WorkPlace> places(CsvImport file, CsvRecord r, int line) {
        Set<WorkPlace> places = EnumSet.of(WorkPlace.OFFICE);
        for (String p : file.value(r, "allowed_places").split("[\\s;|,]+")) {
            if (p.isEmpty()) {
                continue;
            }
            String v = p.toUpperCase(Locale.ROOT).replace('-', '_');
            v = v.startsWith("WORK_PLACE_") ? v.substring("WORK_PLACE_".length()) : v;
            try {
                places.add(WorkPlace.valueOf(v));
            } catch (IllegalArgumentException e) {
                file.problem(line, "allowed_places", "UNKNOWN_PLACE", "'" + p
                        + "' is not a place (OFFICE, HOME, OTHER_OFFICE, OTHER)");
            }
        }
        return places;
    }

    private static FlexiTimeKind flexiTime(CsvImport file, CsvRecord r, int line) {
        String v = file.value(r, "flexi_time").toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        v = v.startsWith("FLEXI_TIME_KIND_") ? v.substring("FLEXI_TIME_KIND_".length()) : v;
        try {
            return FlexiTimeKind.valueOf(v);
        } catch (IllegalArgumentException e) {
            file.problem(line, "flexi_time", "UNKNOWN_FLEXI_TIME", "'" + file.value(r, "flexi_time")
                    + "' is not a flexi-time kind (FIXED, WINDOW, SHIFT, DYNAMIC)");
            return null;
        }
    }
}
