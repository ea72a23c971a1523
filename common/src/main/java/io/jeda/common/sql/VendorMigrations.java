package io.jeda.common.sql;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds the migrations of the database's vendor ({@code db/vendor/mysql} on MySQL and MariaDB: their
 * native partitioning) to the portable ones in {@code db/migration}. Neither Flyway nor Micronaut
 * Flyway resolves a {@code {vendor}} location, so it is resolved here from the database itself. H2
 * has no folder of its own: it keeps plain tables. Not a bean itself: a service with vendor
 * migrations declares one by extending it, for its {@code default} data source.
 */
public abstract class VendorMigrations implements FlywayConfigurationCustomizer {

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        SqlVendor vendor;
        try (Connection c = configuration.getDataSource().getConnection()) {
            vendor = SqlVendor.of(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the migrations are for: " + e.getMessage(), e);
        }
        if (!vendor.hasNativePartitioning()) {
            return;
        }
        List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
        locations.add(new Location("classpath:db/vendor/" + vendor.migrationFolder()));
        configuration.locations(locations.toArray(Location[]::new));
    }

    @Override
    public String getName() {
        return "default";
    }
}
