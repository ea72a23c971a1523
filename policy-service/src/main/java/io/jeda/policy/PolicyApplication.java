package io.jeda.policy;

import io.jeda.common.startup.ClassPreload;
import io.micronaut.runtime.Micronaut;

import java.util.TimeZone;

/**
 * policy-service: positions, units, officers, FWA plans, calendars and rosters, and the one
 * place where they resolve into an officer's effective schedule.
 */
public final class PolicyApplication {

    private PolicyApplication() {
    }

    public static void main(String[] args) {
        // The classes this start will need, loaded on a second thread when a list is given (JEDA_PRELOAD_CLASSES).
        ClassPreload.start();
        // Instants are stored as UTC wall time; the JVM zone must not leak into the database.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // No ASCII-art banner: with JEDA_LOG_FORMAT=json every line on stdout must be a JSON object.
        Micronaut.build(args).mainClass(PolicyApplication.class).banner(false).start();
    }
}
