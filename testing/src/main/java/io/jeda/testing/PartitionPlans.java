package io.jeda.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which partitions of a table a statement reads, as the database plans it: {@code EXPLAIN
 * PARTITIONS} on MariaDB, {@code EXPLAIN} (its {@code partitions} column) on MySQL 8. For the tests
 * that keep every hot query on the partitions of its dates.
 */
public final class PartitionPlans {

    private PartitionPlans() {
    }

    /** Whether the connection reaches MariaDB (else MySQL: H2 has no partitions to ask about). */
    static boolean mariaDb(Connection c) throws SQLException {
        return String.valueOf(c.getMetaData().getDatabaseProductVersion()).toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /**
     * The partitions the plan of {@code sql} (its {@code ?} replaced by {@code params} as literals)
     * reads from the table named or aliased {@code table}, over every row of the plan that reads it.
     */
    public static Set<String> used(Connection c, String table, String sql, Object... params) throws SQLException {
        String statement = inline(sql, params);
        String explain = (mariaDb(c) ? "EXPLAIN PARTITIONS " : "EXPLAIN ") + statement;
        Set<String> out = new TreeSet<>();
        boolean found = false;
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(explain)) {
            ResultSetMetaData md = rs.getMetaData();
            int tableCol = -1;
            int partCol = -1;
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (name.equals("table")) {
                    tableCol = i;
                } else if (name.equals("partitions")) {
                    partCol = i;
                }
            }
            if (tableCol < 0 || partCol < 0) {
                throw new AssertionError("the plan has no table or partitions column: " + explain);
            }
            while (rs.next()) {
                rows.add(rs.getString(tableCol) + " " + rs.getString(partCol));
                if (table.equalsIgnoreCase(rs.getString(tableCol))) {
                    found = true;
                    String p = rs.getString(partCol);
                    if (p != null) {
                        out.addAll(Arrays.asList(p.split(",")));
                    }
                }
            }
        }
        if (!found) {
            throw new AssertionError("the plan of [" + statement + "] does not read " + table + ": " + rows);
        }
        return out;
    }

    /** The statement with each {@code ?} or {@code :name} replaced by the next parameter as an SQL literal. */
    public static String inline(String sql, Object... params) {
        StringBuilder b = new StringBuilder();
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            boolean named = ch == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != ':');
            if (ch == '?' || named) {
                if (next >= params.length) {
                    throw new IllegalArgumentException("more placeholders than parameters in " + sql);
                }
                b.append(literal(params[next++]));
                while (named && i + 1 < sql.length() && Character.isLetterOrDigit(sql.charAt(i + 1))) {
                    i++;
                }
            } else {
                b.append(ch);
            }
        }
        if (next != params.length) {
            throw new IllegalArgumentException("more parameters than placeholders in " + sql);
        }
        return b.toString();
    }

    private static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof LocalDateTime t) {
            return "'" + t.toString().replace('T', ' ') + "'";
        }
        if (v instanceof LocalDate || v instanceof String) {
            return "'" + v.toString().replace("'", "''") + "'";
        }
        if (v instanceof java.util.Collection<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(literal(o));
            }
            return String.join(", ", parts);
        }
        throw new IllegalArgumentException("no literal for " + v.getClass());
    }
}
