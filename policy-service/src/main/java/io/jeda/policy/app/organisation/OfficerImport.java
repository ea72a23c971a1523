package io.jeda.policy.app.organisation;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import io.jeda.common.names.Nip;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.AdminAccess;
import io.jeda.policy.app.AdminAudit;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Position;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.PositionRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Officers from a CSV file, all or nothing: every row is checked (NIP part by part, unit, position,
 * manager, duplicates in the file and in the database, the caller's scope) and every bad row is
 * reported with its line and reason; a file without a bad row is stored in one transaction. Units,
 * positions and existing officers are loaded in a fixed number of queries, whatever the file's size.
 */
@Singleton
public class OfficerImport {

    /** A bad row: its line (1 for the header), the column at fault and why. */
    public record Problem(int line, String field, String reason, String message) {
    }

    /** What an import found and did. */
    public record Outcome(int rows, int imported, List<Problem> problems) {
    }

    static final List<String> REQUIRED = List.of("nip", "display_name", "unit", "position");
    private static final int CHUNK = 1000;

    private final OfficerRepository officers;
    private final UnitRepository units;
    private final PositionRepository positions;
    private final AdminAccess scope;
    private final AdminAudit audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public OfficerImport(OfficerRepository officers, UnitRepository units, PositionRepository positions,
                         AdminAccess scope, AdminAudit audit, TransactionOperations<Connection> tx,
                         @Nullable Clock clock) {
        this.officers = officers;
        this.units = units;
        this.positions = positions;
        this.scope = scope;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public Outcome run(Caller caller, String csv, boolean validateOnly) {
        caller.requireAdmin();
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
                .ofCsvRecord(text)) {
            reader.forEach(records::add);
        } catch (Exception e) {
            throw JedaException.invalidArgument("INVALID_CSV", "the file is not CSV: " + e.getMessage(), "field", "csv");
        }
        if (records.isEmpty()) {
            throw JedaException.invalidArgument("INVALID_CSV", "the file is empty; its first line names the columns",
                    "field", "csv");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.get(0).getFields();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).trim().toLowerCase(), i);
        }
        List<Problem> problems = new ArrayList<>();
        for (String c : REQUIRED) {
            if (!column.containsKey(c)) {
                problems.add(new Problem(1, c, "MISSING_COLUMN", "the header has no column " + c));
            }
        }
        List<CsvRecord> rows = records.subList(1, records.size());
        if (!problems.isEmpty()) {
            return new Outcome(rows.size(), 0, problems);
        }
        // Everything the rows name, loaded at once.
        Map<String, Unit> unitById = units.findAll().stream().collect(Collectors.toMap(Unit::id, u -> u));
        Set<String> positionIds = positions.findAll().stream().map(Position::id).collect(Collectors.toSet());
        Set<String> nipsInFile = new HashSet<>();
        for (CsvRecord r : rows) {
            nipsInFile.add(value(r, column, "nip"));
        }
        Set<String> existing = new HashSet<>();
        List<String> asked = new ArrayList<>(nipsInFile);
        for (int i = 0; i < asked.size(); i += CHUNK) {
            officers.findByNipIn(asked.subList(i, Math.min(asked.size(), i + CHUNK))).forEach(o -> existing.add(o.nip()));
        }
        Map<String, Boolean> inScope = new HashMap<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Integer> firstLine = new HashMap<>();
        List<Officer> good = new ArrayList<>();
        Map<String, Integer> managerLine = new LinkedHashMap<>();
        Map<String, String> managerOf = new HashMap<>();
        for (CsvRecord r : rows) {
            int line = (int) r.getStartingLineNumber();
            int before = problems.size();
            String nip = value(r, column, "nip");
            try {
                Nip.require(nip, clock);
            } catch (JedaException e) {
                problems.add(new Problem(line, "nip", "INVALID_NIP", e.getMessage() + " (part "
                        + e.metadata().getOrDefault("part", "?") + ", '" + nip + "')"));
            }
            Integer seen = firstLine.putIfAbsent(nip, line);
            if (seen != null) {
                problems.add(new Problem(line, "nip", "DUPLICATE_NIP", "NIP " + nip + " is also on line " + seen));
            } else if (existing.contains(nip)) {
                problems.add(new Problem(line, "nip", "OFFICER_EXISTS", "officers/" + nip + " already exists"));
            }
            String name = value(r, column, "display_name");
            if (name.isEmpty()) {
                problems.add(new Problem(line, "display_name", "MISSING_VALUE", "display_name is empty"));
            }
            String unitId = strip(value(r, column, "unit"), "units/");
            Unit unit = unitById.get(unitId);
            if (unit == null) {
                problems.add(new Problem(line, "unit", "UNKNOWN_UNIT", "no unit '" + unitId + "'"));
            } else if (!inScope.computeIfAbsent(unitId, u -> scope.covers(caller, u))) {
                problems.add(new Problem(line, "unit", "OUTSIDE_ADMIN_SCOPE", "units/" + unitId
                        + " is outside the caller's administration"));
            }
            String positionId = strip(value(r, column, "position"), "positions/");
            if (!positionIds.contains(positionId)) {
                problems.add(new Problem(line, "position", "UNKNOWN_POSITION", "no position '" + positionId + "'"));
            }
            String manager = strip(value(r, column, "manager"), "officers/");
            Double lat = number(r, column, "domicile_latitude", line, problems);
            Double lon = number(r, column, "domicile_longitude", line, problems);
            Double radius = number(r, column, "domicile_radius_meters", line, problems);
            if ((lat == null) != (lon == null) || (lat == null) != (radius == null)) {
                problems.add(new Problem(line, "domicile_latitude", "MISSING_VALUE",
                        "a domicile needs latitude, longitude and radius together"));
            }
            if (problems.size() == before) {
                good.add(new Officer(nip, name, unitId, positionId, manager.isEmpty() ? null : manager, lat, lon,
                        radius == null ? null : radius.intValue(), null, null, now, now));
                if (!manager.isEmpty()) {
                    managerLine.put(nip, line);
                    managerOf.put(nip, manager);
                }
            }
        }
        // Managers: an officer of the file or of the database.
        Set<String> unknownManagers = new HashSet<>(managerOf.values());
        unknownManagers.removeAll(nipsInFile);
        if (!unknownManagers.isEmpty()) {
            List<String> m = new ArrayList<>(unknownManagers);
            for (int i = 0; i < m.size(); i += CHUNK) {
                officers.findByNipIn(m.subList(i, Math.min(m.size(), i + CHUNK))).forEach(o -> unknownManagers.remove(o.nip()));
            }
        }
        managerOf.forEach((nip, manager) -> {
            if (unknownManagers.contains(manager) || manager.equals(nip)) {
                problems.add(new Problem(managerLine.get(nip), "manager", "UNKNOWN_MANAGER",
                        manager.equals(nip) ? "an officer cannot manage themself" : "no officer " + manager));
            }
        });
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        if (validateOnly || !problems.isEmpty()) {
            if (!validateOnly) {
                throw JedaException.violations(ErrorKind.FAILED_PRECONDITION, "IMPORT_HAS_ERRORS",
                        problems.size() + " bad row(s); nothing was imported", problems.stream()
                                .map(p -> new Violation(p.reason(), "line " + p.line(), p.field() + ": " + p.message()))
                                .toList());
            }
            return new Outcome(rows.size(), 0, problems);
        }
        tx.executeWrite(status -> {
            for (int i = 0; i < good.size(); i += CHUNK) {
                officers.saveAll(good.subList(i, Math.min(good.size(), i + CHUNK)));
            }
            return null;
        });
        Set<String> touched = good.stream().map(Officer::unitId).collect(Collectors.toCollection(java.util.TreeSet::new));
        audit.record(caller, "ImportOfficers", "officers", touched.size() == 1 ? touched.iterator().next() : null,
                null, Map.of("imported", good.size(), "units", List.copyOf(touched)));
        return new Outcome(rows.size(), good.size(), List.of());
    }

    private static String value(CsvRecord r, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null || i >= r.getFieldCount() ? "" : r.getField(i).trim();
    }

    private static String strip(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    private static Double number(CsvRecord r, Map<String, Integer> column, String name, int line,
                                 List<Problem> problems) {
        String v = value(r, column, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            problems.add(new Problem(line, name, "INVALID_NUMBER", name + " '" + v + "' is not a number"));
            return null;
        }
    }
}
