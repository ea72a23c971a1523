package io.jeda.e2e;

import io.jeda.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database of each service process, chosen by {@link TestDatabase} like every other test: on a
 * MySQL/MariaDB server (JEDA_TEST_JDBC_URL, or a container) each service gets {@code <name>_e2e_<service>},
 * emptied before the run so the scenario starts from nothing; without one, an H2 file in MySQL mode
 * under {@code target/e2e-data}, written at every commit so that it outlives a killed process, and
 * left there to be inspected after a failure.
 */
final class ServiceDatabases {

    /** JDBC settings of one service, as its JEDA_*_JDBC_* variables take them. */
    record Jdbc(String url, String user, String password) {
    }

    private static final Pattern MYSQL = Pattern.compile("^(jdbc:mysql://[^/]+)/([A-Za-z0-9_]+)(\\?.*)?$");

    private final Path dataDir;

    ServiceDatabases(Path workDir) {
        this.dataDir = workDir.resolve("e2e-data");
    }

    /** A fresh, empty database for the service; the service's own migrations create its tables. */
    Jdbc fresh(String service) {
        Map<String, String> p = TestDatabase.properties("e2e_" + service);
        String url = p.get("datasources.default.url");
        String user = p.get("datasources.default.username");
        String password = p.get("datasources.default.password");
        if (url.startsWith("jdbc:h2:")) {
            Path dir = dataDir.resolve(service);
            deleteTree(dir);
            return new Jdbc("jdbc:h2:file:" + dir.toAbsolutePath().resolve(service)
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0", "sa", "");
        }
        Matcher m = MYSQL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected test database URL " + url);
        }
        String server = m.group(1);
        String database = m.group(2);
        String params = m.group(3) == null ? "" : m.group(3);
        try (Connection c = DriverManager.getConnection(server + "/" + params, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate " + database + " on " + server + ": " + e.getMessage(), e);
        }
        return new Jdbc(url, user, password);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }
}
