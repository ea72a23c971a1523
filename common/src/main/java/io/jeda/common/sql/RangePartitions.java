package io.jeda.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps a table partitioned by {@code RANGE COLUMNS(<date or datetime>)} on MySQL or MariaDB ahead
 * of time and within its retention: partitions for the coming months (or days) are made before rows
 * need them, and partitions whose whole range is older than the retention are dropped, which frees
 * their rows at once instead of deleting them row by row.
 * <p>
 * The layout it keeps: one partition per month ({@code p202701}: rows from 2027-01-01 up to the next
 * partition's bound) or per day ({@code p20270115}), named after the first date they hold, and a
 * last partition {@code pmax} ({@code VALUES LESS THAN (MAXVALUE)}) that catches any row beyond the
 * partitions made so far, so a write never fails because the job has not run. New partitions are
 * split off {@code pmax} (REORGANIZE, instant while pmax is empty, as it is when the job keeps
 * ahead). The first partition also holds every row older than its month or day. Only the bounds read
 * from {@code information_schema.PARTITIONS} count, never the names.
 * <p>
 * Several replicas may run it at once: each run holds a named lock ({@code GET_LOCK}) for the table
 * and a replica that does not get it at once skips its turn; every run starts from the partitions as
 * they are, so a run repeated or interrupted between statements leaves a valid table.
 */
public final class RangePartitions {

    /** The range of one partition. */
    public enum Unit {
        MONTH(DateTimeFormatter.ofPattern("yyyyMM")), DAY(DateTimeFormatter.ofPattern("yyyyMMdd"));

        private final DateTimeFormatter name;

        Unit(DateTimeFormatter name) {
            this.name = name;
        }

        /** The first date of the unit holding {@code d}. */
        public LocalDate start(LocalDate d) {
            return this == MONTH ? d.with(TemporalAdjusters.firstDayOfMonth()) : d;
        }

        /** The first date of the unit {@code n} units after the one starting on {@code start}. */
        public LocalDate plus(LocalDate start, long n) {
            return this == MONTH ? start.plusMonths(n) : start.plusDays(n);
        }

        String partitionName(LocalDate start) {
            return "p" + name.format(start);
        }
    }

    /** One partition: its name and the bound its rows are below (empty for MAXVALUE). */
    public record Partition(String name, Optional<LocalDate> lessThan) {
    }

    /** What a run did: partitions added and dropped, by name, and the partitions it left ahead. */
    public record Outcome(boolean ran, List<String> added, List<String> dropped, Optional<LocalDate> droppedBelow,
                          int ahead) {
        static Outcome skipped() {
            return new Outcome(false, List.of(), List.of(), Optional.empty(), -1);
        }
    }

    private static final String MAX = "pmax";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final String table;
    private final Unit unit;

    public RangePartitions(String table, Unit unit) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.table = table;
        this.unit = unit;
    }

    /** The table's partitions in order; empty when the table is not partitioned (or not there). */
    public List<Partition> list(Connection c) throws SQLException {
        List<Partition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT PARTITION_NAME, PARTITION_DESCRIPTION"
                + " FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
                + " AND PARTITION_NAME IS NOT NULL ORDER BY PARTITION_ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Partition(rs.getString(1), bound(rs.getString(2))));
                }
            }
        }
        return out;
    }

    /** '2027-01-01' or '2027-01-01 00:00:00' (quoted), or MAXVALUE. */
    static Optional<LocalDate> bound(String description) {
        if (description == null || description.equalsIgnoreCase("MAXVALUE")) {
            return Optional.empty();
        }
        String s = description.replace("'", "").trim();
        return Optional.of(LocalDate.parse(s.substring(0, 10)));
    }

    /**
     * Makes sure partitions exist up to {@code ahead} units after the one holding {@code today}, then
     * drops every partition whose rows are all before {@code keepFrom} (none when empty). Does nothing
     * on databases without native partitioning, on a table that is not partitioned, or while another
     * replica holds the table's lock.
     */
    public Outcome maintain(Connection c, LocalDate today, int ahead, Optional<LocalDate> keepFrom) throws SQLException {
        if (!SqlVendor.of(c).hasNativePartitioning()) {
            return Outcome.skipped();
        }
        String lock = lockName(c);
        if (!lock(c, lock)) {
            return Outcome.skipped();
        }
        try {
            List<Partition> parts = list(c);
            if (parts.isEmpty()) {
                return Outcome.skipped();
            }
            List<String> added = addAhead(c, parts, today, Math.max(0, ahead));
            parts = list(c);
            List<String> dropped = new ArrayList<>();
            Optional<LocalDate> droppedBelow = Optional.empty();
            if (keepFrom.isPresent()) {
                List<Partition> old = new ArrayList<>();
                for (Partition p : parts) {
                    if (p.lessThan().isPresent() && !p.lessThan().get().isAfter(keepFrom.get())) {
                        old.add(p);
                    }
                }
                // A table keeps at least one partition; pmax is never dropped, so this always holds.
                if (!old.isEmpty() && old.size() < parts.size()) {
                    exec(c, "ALTER TABLE " + table + " DROP PARTITION "
                            + String.join(", ", old.stream().map(Partition::name).toList()));
                    old.forEach(p -> dropped.add(p.name()));
                    droppedBelow = old.get(old.size() - 1).lessThan();
                }
                parts = list(c);
            }
            return new Outcome(true, added, dropped, droppedBelow, aheadOf(parts, today));
        } finally {
            unlock(c, lock);
        }
    }

    /** How many whole partitions lie after the one holding {@code today} (the maintenance metric). */
    public int aheadOf(List<Partition> parts, LocalDate today) {
        LocalDate next = unit.plus(unit.start(today), 1);
        int n = 0;
        for (Partition p : parts) {
            if (p.lessThan().isPresent() && p.lessThan().get().isAfter(next)) {
                n++;
            }
        }
        return n;
    }

    private List<String> addAhead(Connection c, List<Partition> parts, LocalDate today, int ahead) throws SQLException {
        LocalDate target = unit.plus(unit.start(today), ahead + 1L);
        LocalDate last = null;
        boolean hasMax = false;
        for (Partition p : parts) {
            if (p.lessThan().isEmpty()) {
                hasMax = true;
            } else if (last == null || p.lessThan().get().isAfter(last)) {
                last = p.lessThan().get();
            }
        }
        // Only pmax so far: the first partition made holds everything before the end of today's unit.
        LocalDate from = last != null ? last : unit.start(today);
        List<String> names = new ArrayList<>();
        List<String> defs = new ArrayList<>();
        for (LocalDate start = from; start.isBefore(target); start = unit.plus(start, 1)) {
            names.add(unit.partitionName(start));
            defs.add("PARTITION " + unit.partitionName(start) + " VALUES LESS THAN ('" + unit.plus(start, 1) + "')");
        }
        if (defs.isEmpty()) {
            return names;
        }
        if (hasMax) {
            exec(c, "ALTER TABLE " + table + " REORGANIZE PARTITION " + MAX + " INTO (" + String.join(", ", defs)
                    + ", PARTITION " + MAX + " VALUES LESS THAN (MAXVALUE))");
        } else {
            exec(c, "ALTER TABLE " + table + " ADD PARTITION (" + String.join(", ", defs) + ")");
        }
        return names;
    }

    /** One lock per schema and table (lock names are global to the server, at most 64 characters). */
    private String lockName(Connection c) throws SQLException {
        String schema = c.getCatalog() == null ? "" : c.getCatalog();
        String name = schema + "." + table + ".partitions";
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    private static boolean lock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void unlock(Connection c, String name) {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        } catch (SQLException ignored) {
            // The lock goes with the connection anyway.
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
