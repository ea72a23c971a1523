package io.jeda.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The one place where tests choose their database, in this order: the server named by
 * {@code JEDA_TEST_JDBC_URL}; a MySQL 8 container when Docker is available; embedded H2 in MySQL
 * mode, with a loud warning because H2 hides differences that production would show.
 * <p>
 * Each service gets its own database on the chosen server ({@code <name>_<service>}), as in
 * production, where no service reads another's tables.
 */
public final class TestDatabase {

    private static final Pattern URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/]+)/([A-Za-z0-9_]+)(\\?.*)?$");
    private static final Map<String, Map<String, String>> CHOSEN = new LinkedHashMap<>();
    private static MySQLContainer<?> container;

    private TestDatabase() {
    }

    /** Datasource properties for one service's tests, computed once per JVM. */
    public static synchronized Map<String, String> properties(String service) {
        return CHOSEN.computeIfAbsent(service, TestDatabase::choose);
    }

    private static Map<String, String> choose(String service) {
        String url = setting("JEDA_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return external(url.trim(), service);
        }
        if (dockerAvailable()) {
            return containerised(service);
        }
        System.err.println("""
                ************************************************************************
                * WARNING: no JEDA_TEST_JDBC_URL and no Docker: tests run on embedded  *
                * H2 in MySQL mode. It does not behave exactly like MySQL 8 / MariaDB. *
                * Run .ci/run (or set JEDA_TEST_JDBC_URL) to test on a real server.    *
                ************************************************************************""");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("datasources.default.url", "jdbc:h2:mem:" + service
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        p.put("datasources.default.username", "sa");
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", "org.h2.Driver");
        return p;
    }

    private static Map<String, String> external(String url, String service) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("JEDA_TEST_JDBC_URL must look like jdbc:mysql://host:port/database, got " + url);
        }
        String user = orDefault(setting("JEDA_TEST_JDBC_USER"), "root");
        String password = orDefault(setting("JEDA_TEST_JDBC_PASSWORD"), "");
        String server = m.group(1).replace("jdbc:mariadb:", "jdbc:mysql:");
        String params = m.group(3) == null ? "" : m.group(3);
        String database = m.group(2) + "_" + service;
        try (Connection c = DriverManager.getConnection(server + "/" + params, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database + " on " + server + ": "
                    + e.getMessage(), e);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("datasources.default.url", server + "/" + database + params);
        p.put("datasources.default.username", user);
        p.put("datasources.default.password", password);
        p.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        return p;
    }

    private static Map<String, String> containerised(String service) {
        if (container == null) {
            container = new MySQLContainer<>("mysql:8.0").withDatabaseName("jeda").withUsername("root")
                    .withPassword("test");
            container.start();
        }
        return external(container.getJdbcUrl(), service);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * Empties every table but Flyway's history, so each test starts from a known state without
     * paying for migrations again.
     */
    public static void truncateAll(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
            List<String> tables = new ArrayList<>();
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(c.getCatalog(), h2 ? "public" : null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME");
                    if (!t.toLowerCase().startsWith("flyway_")) {
                        tables.add(t);
                    }
                }
            }
            s.execute(h2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET FOREIGN_KEY_CHECKS = 0");
            for (String t : tables) {
                s.execute("TRUNCATE TABLE " + t);
            }
            s.execute(h2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET FOREIGN_KEY_CHECKS = 1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean test database", e);
        }
    }

    private static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }
}
