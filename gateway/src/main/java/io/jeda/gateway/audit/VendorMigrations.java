package io.jeda.gateway.audit;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** This service's vendor migrations ({@code db/vendor/mysql}: the daily partitioning of the audit log). */
@Singleton
@Named("default")
@Requires(classes = io.micronaut.flyway.FlywayConfigurationCustomizer.class)
public class VendorMigrations extends io.jeda.common.sql.VendorMigrations {
}
