package io.jeda.common.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database a connection reaches, told from the driver's metadata. MariaDB is recognised whether
 * it is reached with its own driver or with MySQL Connector/J (whose product name is then "MySQL",
 * with "MariaDB" in the version). The services' SQL runs on all three; only native partitioning
 * (MySQL and MariaDB) differs, hence {@link #hasNativePartitioning()}.
 */
public enum SqlVendor {
    MYSQL, MARIADB, H2, OTHER;

    /** The vendor of the database behind the connection. */
    public static SqlVendor of(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        String version = String.valueOf(meta.getDatabaseProductVersion()).toLowerCase(Locale.ROOT);
        if (product.contains("mariadb") || version.contains("mariadb")) {
            return MARIADB;
        }
        if (product.contains("mysql")) {
            return MYSQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        return OTHER;
    }

    /** Whether tables are partitioned by range on this database (MySQL and MariaDB; never H2). */
    public boolean hasNativePartitioning() {
        return this == MYSQL || this == MARIADB;
    }

    /**
     * The folder of vendor-specific Flyway migrations, below {@code db/vendor/}: MySQL and MariaDB
     * share one ({@code mysql}; their partitioning DDL is the same), H2 has {@code h2}.
     */
    public String migrationFolder() {
        return hasNativePartitioning() ? "mysql" : name().toLowerCase(Locale.ROOT);
    }
}
