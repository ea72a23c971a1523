package io.jeda.policy.app.organisation;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.jeda.common.error.JedaException;
import io.jeda.common.names.Nip;
import io.jeda.common.security.Caller;
import io.jeda.policy.app.AdminAccess;
import io.jeda.policy.app.AdminAudit;
import io.jeda.policy.app.CsvImport;
import io.jeda.policy.app.CsvImport.Outcome;
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
 * reported with its line and reason; a file without a bad row is stored in one transaction, with its
 * admin-audit row and its change feed row. Units,
 * positions and existing officers are loaded in a fixed number of queries, whatever the file's size.
 */
@Singleton
public class OfficerImport {

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
        CsvImport file = CsvImport.read(csv, REQUIRED);
        List<CsvRecord> rows = file.rows();
        if (file.hasProblems()) {
            return file.outcome(true);
        }
        // Everything the rows name, loaded at once.
        Map<String, Unit> unitById = units.findAll().stream().collect(Collectors.toMap(Unit::id, u -> u));
        Set<String> positionIds = positions.findAll().stream().map(Position::id).collect(Collectors.toSet());
        Set<String> nipsInFile = new HashSet<>();
        for (CsvRecord r : rows) {
            nipsInFile.add(file.value(r, "nip"));
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
            int line = CsvImport.line(r);
            int before = file.problems().size();
            String nip = file.value(r, "nip");
            try {
                Nip.require(nip, clock);
            } catch (JedaException e) {
                file.problem(line, "nip", "INVALID_NIP", e.getMessage() + " (part "
                        + e.metadata().getOrDefault("part", "?") + ", '" + nip + "')");
            }
            Integer seen = firstLine.putIfAbsent(nip, line);
            if (seen != null) {
                file.problem(line, "nip", "DUPLICATE_NIP", "NIP " + nip + " is also on line " + seen);
            } else if (existing.contains(nip)) {
                file.problem(line, "nip", "OFFICER_EXISTS", "officers/" + nip + " already exists");
            }
            String name = file.value(r, "display_name");
            if (name.isEmpty()) {
                file.problem(line, "display_name", "MISSING_VALUE", "display_name is empty");
            }
            String unitId = file.id(r, "unit", "units/");
            Unit unit = unitById.get(unitId);
            if (unit == null) {
                file.problem(line, "unit", "UNKNOWN_UNIT", "no unit '" + unitId + "'");
            } else if (!inScope.computeIfAbsent(unitId, u -> scope.covers(caller, u))) {
                file.problem(line, "unit", "OUTSIDE_ADMIN_SCOPE", "units/" + unitId
                        + " is outside the caller's administration");
            }
            String positionId = file.id(r, "position", "positions/");
            if (!positionIds.contains(positionId)) {
                file.problem(line, "position", "UNKNOWN_POSITION", "no position '" + positionId + "'");
            }
            String manager = file.id(r, "manager", "officers/");
            Double lat = file.number(r, "domicile_latitude");
            Double lon = file.number(r, "domicile_longitude");
            Double radius = file.number(r, "domicile_radius_meters");
            if ((lat == null) != (lon == null) || (lat == null) != (radius == null)) {
                file.problem(line, "domicile_latitude", "MISSING_VALUE",
                        "a domicile needs latitude, longitude and radius together");
            }
            if (file.problems().size() == before) {
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
                file.problem(managerLine.get(nip), "manager", "UNKNOWN_MANAGER",
                        manager.equals(nip) ? "an officer cannot manage themself" : "no officer " + manager);
            }
        });
        Outcome refused = file.outcome(validateOnly);
        if (refused != null) {
            return refused;
        }
        Set<String> touched = good.stream().map(Officer::unitId).collect(Collectors.toCollection(java.util.TreeSet::new));
        // The officers, their audit row and the change feed's row commit together or not at all.
        tx.executeWrite(status -> {
            for (int i = 0; i < good.size(); i += CHUNK) {
                officers.saveAll(good.subList(i, Math.min(good.size(), i + CHUNK)));
            }
            audit.record(caller, "ImportOfficers", "officers", touched.size() == 1 ? touched.iterator().next() : null,
                    null, Map.of("imported", good.size(), "units", List.copyOf(touched)));
            return null;
        });
        return file.stored(good.size());
    }
}
