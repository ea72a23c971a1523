package io.jeda.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Configuration" tables are what operators set a deployment from. Every
 * {@code ${JEDA_...:default}} of a service's {@code application.yml} and {@code logback.xml} must be
 * in its service's table (or the table for every service) with the same default, every variable the
 * {@code ./jeda} script reads must be in some table, and no row may name a variable that nothing
 * reads any more. A new setting without a row fails the build, naming the row to add.
 */
class ConfigurationTableTest {

    /** {@code ${JEDA_X:default}} in application.yml; defaults holding ':' are back-quoted. */
    private static final Pattern YAML = Pattern.compile("\\$\\{(JEDA_[A-Z0-9_]+)(?::(`[^`]*`|[^}]*))?}");
    /** {@code ${JEDA_X:-default}} in logback.xml and in the bash script. */
    private static final Pattern SHELL = Pattern.compile("\\$\\{(JEDA_[A-Z0-9_]+)(?::?-([^}]*))?}");
    private static final Pattern NAME = Pattern.compile("\\bJEDA_[A-Z0-9_]*[A-Z0-9]\\b");
    /** {@code | `JEDA_X` | default | meaning |} */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(JEDA_[A-Z0-9_]+)`\\s*\\|([^|]*)\\|");

    private static final String EVERY_SERVICE = "Every service";

    private final Path root = repositoryRoot();
    private final Map<String, Map<String, String>> tables = readmeTables();

    @Test
    void everySettingOfEveryServiceIsInTheReadmeWithItsDefault() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> services = serviceSettings();
        assertTrue(services.keySet().containsAll(List.of("policy-service", "attendance-service", "gateway")),
                "found the services' application.yml files: " + services.keySet());
        services.forEach((service, settings) -> settings.forEach((variable, value) -> {
            String row = "| `" + variable + "` | " + (value.isEmpty() ? "—" : "`" + value + "`") + " | ... |";
            Map<String, String> own = tables.getOrDefault(service, Map.of());
            Map<String, String> shared = tables.getOrDefault(EVERY_SERVICE, Map.of());
            String documented = own.containsKey(variable) ? own.get(variable) : shared.get(variable);
            if (documented == null) {
                problems.add(service + ": " + variable + " is not in the README; add to \"### " + service
                        + "\" (or \"### " + EVERY_SERVICE + "\") under \"## Configuration\": " + row);
            } else if (!documented.equals(value)) {
                problems.add(service + ": " + variable + " defaults to '" + value + "' but the README says '"
                        + documented + "'; the row should read " + row);
            }
        }));
        assertTrue(problems.isEmpty(), "README.md, ## Configuration:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyVariableTheJedaScriptReadsIsInTheReadme() throws IOException {
        String script = Files.readString(root.resolve("jeda"));
        List<String> problems = new ArrayList<>();
        Map<String, String> defaults = new TreeMap<>();
        Matcher m = SHELL.matcher(script);
        while (m.find()) {
            if (m.group(2) != null && !m.group(0).contains(":+")) {
                defaults.put(m.group(1), m.group(2));
            }
        }
        Matcher names = NAME.matcher(script);
        while (names.find()) {
            String variable = names.group();
            List<String> documented = tables.values().stream()
                    .filter(t -> t.containsKey(variable)).map(t -> t.get(variable)).toList();
            if (documented.isEmpty()) {
                problems.add("./jeda reads " + variable + ", which is not in the README's configuration tables");
            } else if (defaults.containsKey(variable) && !documented.contains(defaults.get(variable))) {
                problems.add("./jeda defaults " + variable + " to '" + defaults.get(variable)
                        + "' but the README says " + documented);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyRowNamesAVariableSomethingReads() throws IOException {
        StringBuilder sources = new StringBuilder(Files.readString(root.resolve("jeda")));
        try (Stream<Path> files = Files.walk(root, 12)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().contains("/src/main/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .filter(f -> f.toString().matches(".*\\.(java|yml|xml)$")).toList()) {
                sources.append(Files.readString(file));
            }
        }
        List<String> stale = new ArrayList<>();
        tables.forEach((table, rows) -> rows.keySet().stream()
                .filter(variable -> !Pattern.compile("\\b" + variable + "\\b").matcher(sources).find())
                .forEach(variable -> stale.add(table + ": " + variable)));
        assertTrue(stale.isEmpty(), "README rows for variables nothing reads any more:\n  " + String.join("\n  ", stale));
    }

    // ---------------------------------------------------------------------------------------

    /** Module name -> variable -> default ("" when none), from application.yml and logback.xml. */
    private Map<String, Map<String, String>> serviceSettings() {
        Map<String, Map<String, String>> services = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path resources = module.resolve("src/main/resources");
                Path yml = resources.resolve("application.yml");
                if (!Files.isRegularFile(yml)) {
                    continue;
                }
                Map<String, String> settings = new LinkedHashMap<>();
                collect(Files.readString(yml), YAML, settings);
                Path logback = resources.resolve("logback.xml");
                if (Files.isRegularFile(logback)) {
                    collect(Files.readString(logback), SHELL, settings);
                }
                services.put(module.getFileName().toString(), settings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    private static void collect(String text, Pattern placeholder, Map<String, String> into) {
        Matcher m = placeholder.matcher(text);
        while (m.find()) {
            String value = m.group(2) == null ? "" : m.group(2).trim();
            if (value.length() >= 2 && value.startsWith("`") && value.endsWith("`")) {
                value = value.substring(1, value.length() - 1);
            }
            into.put(m.group(1), value);
        }
    }

    /** "### heading" under "## Configuration" -> variable -> default as written ("" for "—"). */
    private Map<String, Map<String, String>> readmeTables() {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        boolean inSection = false;
        String table = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.trim().equals("## Configuration");
                table = null;
            } else if (inSection && line.startsWith("### ")) {
                table = line.substring(4).trim();
            } else if (inSection && table != null) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    String value = row.group(2).trim();
                    if (value.equals("—") || value.equals("-")) {
                        value = "";
                    } else if (value.length() >= 2 && value.startsWith("`") && value.endsWith("`")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    result.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(row.group(1), value);
                }
            }
        }
        assertFalse(result.isEmpty(), "README.md has no tables under \"## Configuration\"");
        return result;
    }

    /** The repository root: the parent of the k8s module (Surefire's basedir) or the working directory. */
    private static Path repositoryRoot() {
        for (String candidate : new String[] {System.getProperty("basedir"), System.getProperty("user.dir")}) {
            if (candidate == null) {
                continue;
            }
            Path dir = Paths.get(candidate).toAbsolutePath();
            for (Path option : new Path[] {dir, dir.getParent()}) {
                if (option != null && Files.isRegularFile(option.resolve("README.md"))
                        && Files.isRegularFile(option.resolve("jeda"))) {
                    return option;
                }
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + System.getProperty("user.dir"));
    }
}
