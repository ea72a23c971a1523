package io.jeda.policy.app;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One CSV file of an all-or-nothing import (officers, positions, calendar days), read the way every
 * import reads it: UTF-8 text with or without a spreadsheet's byte-order mark, RFC 4180 quoting,
 * a header naming the columns in any order and case, commas or (as a spreadsheet set to Indonesian
 * writes them) semicolons between fields. The importer checks each row through the helpers here,
 * which collect every problem with its line; {@link #outcome} then answers a dry run or refuses an
 * apply that has any bad row, so no import repeats that reading, reporting and refusing.
 */
public final class CsvImport {

    /** A bad row: its line (1 for the header), the column at fault and why. */
    public record Problem(int line, String field, String reason, String message) {
    }

    /** What an import found and did. */
    public record Outcome(int rows, int imported, List<Problem> problems) {
    }

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final Map<String, Integer> column;
    private final List<CsvRecord> rows;
    private final List<Problem> problems = new ArrayList<>();
    private final char separator;

    private CsvImport(Map<String, Integer> column, List<CsvRecord> rows, char separator) {
        this.column = column;
        this.rows = rows;
        this.separator = separator;
    }

    /**
     * Reads the file and checks that its header names every required column (a missing one is a
     * problem on line 1).
     *
     * @throws JedaException INVALID_ARGUMENT, reason INVALID_CSV, for a file that is empty or not CSV
     */
    public static CsvImport read(String csv, List<String> required) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        char separator = separatorOf(text);
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).ofCsvRecord(text)) {
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
            column.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        CsvImport file = new CsvImport(column, records.subList(1, records.size()), separator);
        for (String c : required) {
            if (!column.containsKey(c)) {
                file.problem(1, c, "MISSING_COLUMN", "the header has no column " + c);
            }
        }
        return file;
    }

    /** A semicolon when the header has semicolons and no comma, else a comma. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** The rows after the header, in file order. */
    public List<CsvRecord> rows() {
        return rows;
    }

    /** Whether the header names the column. */
    public boolean has(String name) {
        return column.containsKey(name);
    }

    /** The problems found so far (the header's first). */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether the file already has a problem, for example a missing column. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The line a row starts on (1 is the header). */
    public static int line(CsvRecord r) {
        return (int) r.getStartingLineNumber();
    }

    /** Records a problem. */
    public void problem(int line, String field, String reason, String message) {
        problems.add(new Problem(line, field, reason, message));
    }

    /** Records a rule the row broke, as the rule reported it (its reason and, when it names one, its field). */
    public void problem(int line, String field, JedaException e) {
        problems.add(new Problem(line, stripPrefix(e.metadata().getOrDefault("field", field)), e.reason(),
                e.getMessage()));
    }

    private static String stripPrefix(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }

    /** The trimmed value of the column in the row; empty when the column or the cell is missing. */
    public String value(CsvRecord r, String name) {
        Integer i = column.get(name);
        return i == null || i >= r.getFieldCount() ? "" : r.getField(i).trim();
    }

    /** The value without a resource prefix, so that {@code units/kota-a} and {@code kota-a} are the same. */
    public String id(CsvRecord r, String name, String prefix) {
        String v = value(r, name);
        return v.startsWith(prefix) ? v.substring(prefix.length()) : v;
    }

    /** A decimal number, or null when empty; a decimal comma is read in a semicolon-separated file. */
    public Double number(CsvRecord r, String name) {
        String v = value(r, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(separator == ';' ? v.replace(',', '.') : v);
        } catch (NumberFormatException e) {
            problem(line(r), name, "INVALID_NUMBER", name + " '" + v + "' is not a number");
            return null;
        }
    }

    /** A whole number, or null when empty. */
    public Integer integer(CsvRecord r, String name) {
        String v = value(r, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            problem(line(r), name, "INVALID_NUMBER", name + " '" + v + "' is not a whole number");
            return null;
        }
    }

    /** A local date as {@code YYYY-MM-DD} or, as spreadsheets in Indonesia write it, {@code DD/MM/YYYY}; null when empty. */
    public LocalDate date(CsvRecord r, String name) {
        String v = value(r, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return v.contains("/") ? LocalDate.parse(v, DAY_FIRST) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(line(r), name, "INVALID_DATE", name + " '" + v + "' is not a date (YYYY-MM-DD or DD/MM/YYYY)");
            return null;
        }
    }

    /** A local time as {@code HH:MM} (or {@code H.MM}, as Indonesian texts write it); null when empty. */
    public LocalTime time(CsvRecord r, String name) {
        String v = value(r, name);
        if (v.isEmpty()) {
            return null;
        }
        try {
            String t = v.replace('.', ':');
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            problem(line(r), name, "INVALID_TIME", name + " '" + v + "' is not a time of day (HH:MM)");
            return null;
        }
    }

    /** A yes or no (true/false, ya/tidak, yes/no, 1/0, y/t); null when empty. */
    public Boolean bool(CsvRecord r, String name) {
        String v = value(r, name).toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        return switch (v) {
            case "true", "ya", "yes", "y", "1" -> true;
            case "false", "tidak", "no", "n", "t", "0" -> false;
            default -> {
                problem(line(r), name, "INVALID_BOOLEAN", name + " '" + value(r, name) + "' is not ya/tidak (true/false)");
                yield null;
            }
        };
    }

    /**
     * The answer when nothing is stored: a dry run reports every problem in line order; an apply with
     * any problem is refused with every bad row as a violation {@code line N}.
     *
     * @return the dry run's outcome, or null when the file is good and should be stored
     * @throws JedaException FAILED_PRECONDITION, reason IMPORT_HAS_ERRORS
     */
    public Outcome outcome(boolean validateOnly) {
        problems.sort(Comparator.comparingInt(Problem::line));
        if (!problems.isEmpty() && !validateOnly) {
            throw JedaException.violations(ErrorKind.FAILED_PRECONDITION, "IMPORT_HAS_ERRORS",
                    problems.size() + " bad row(s); nothing was imported", problems.stream()
                            .map(p -> new Violation(p.reason(), "line " + p.line(), p.field() + ": " + p.message()))
                            .toList());
        }
        return validateOnly || !problems.isEmpty() ? new Outcome(rows.size(), 0, List.copyOf(problems)) : null;
    }

    /** The outcome of a stored file. */
    public Outcome stored(int imported) {
        return new Outcome(rows.size(), imported, List.of());
    }
}
