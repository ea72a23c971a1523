package io.jeda.common.sql;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlErrorsTest {

    private Connection db;

    @BeforeEach
    void schema() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:sqlerrors" + System.nanoTime() + ";MODE=MySQL");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE parent (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE plan (id INT PRIMARY KEY, idem VARCHAR(20) NOT NULL, parent_id INT,"
                    + " CONSTRAINT uk_plan_idem UNIQUE (idem), CONSTRAINT fk_plan_parent FOREIGN KEY (parent_id)"
                    + " REFERENCES parent (id))");
            s.execute("INSERT INTO plan (id, idem) VALUES (1, 'k1')");
        }
    }

    private SQLException failure(String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = db.createStatement()) {
                s.execute(sql);
            }
        });
    }

    @Test
    void aUniqueKeyViolationOnH2IsADuplicateNamingTheKey() {
        SQLException e = failure("INSERT INTO plan (id, idem) VALUES (2, 'k1')");
        RuntimeException wrapped = new RuntimeException("data access", e);
        assertTrue(SqlErrors.isDuplicateKey(wrapped));
        assertEquals(Optional.of("uk_plan_idem"), SqlErrors.duplicateKeyName(wrapped));
        assertTrue(SqlErrors.isDuplicateKey(wrapped, "UK_PLAN_IDEM"));
        assertTrue(SqlErrors.isDuplicateKey(failure("INSERT INTO plan (id, idem) VALUES (1, 'k9')")));
    }

    @Test
    void otherIntegrityViolationsAreNotDuplicates() {
        assertFalse(SqlErrors.isDuplicateKey(failure("INSERT INTO plan (id, idem, parent_id) VALUES (3, 'k3', 99)")));
        assertFalse(SqlErrors.isDuplicateKey(failure("INSERT INTO plan (id) VALUES (4)")));
        assertFalse(SqlErrors.isDuplicateKey(new IllegalStateException("no sql here")));
    }

    @Test
    void mysqlAndMariaDbReportErrorCode1062() {
        SQLException mysql = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'k1' for key 'plan.uk_plan_idem'", "23000", 1062);
        assertTrue(SqlErrors.isDuplicateKey(mysql));
        assertEquals(Optional.of("uk_plan_idem"), SqlErrors.duplicateKeyName(mysql));
        SQLException mariadb = new SQLIntegrityConstraintViolationException(
                "(conn=5) Duplicate entry 'k1' for key 'uk_plan_idem'", "23000", 1062);
        assertEquals(Optional.of("uk_plan_idem"), SqlErrors.duplicateKeyName(new RuntimeException(mariadb)));
        SQLException foreignKey = new SQLIntegrityConstraintViolationException(
                "Cannot add or update a child row: a foreign key constraint fails", "23000", 1452);
        assertFalse(SqlErrors.isDuplicateKey(foreignKey));
    }

    @Test
    void aConnectionFailureAnywhereInTheCausesIsUnavailable() {
        assertTrue(SqlErrors.isUnavailable(new RuntimeException("pool",
                new java.sql.SQLTransientConnectionException("Connection is not available, request timed out"))));
        assertTrue(SqlErrors.isUnavailable(new IllegalStateException("tx", new RuntimeException(
                new SQLException("Communications link failure", "08S01")))));
        assertTrue(SqlErrors.isUnavailable(new SQLException("Server shutdown in progress", "HY000", 1053)));
        assertTrue(SqlErrors.isUnavailable(new RuntimeException("Could not set JDBC Connection read-only",
                new SQLException("Connection is closed"))));
        assertFalse(SqlErrors.isUnavailable(failure("INSERT INTO plan (id, idem) VALUES (2, 'k1')")));
        assertFalse(SqlErrors.isUnavailable(failure("SELEC 1")));
        assertFalse(SqlErrors.isUnavailable(new RuntimeException("no database involved")));
    }
}
