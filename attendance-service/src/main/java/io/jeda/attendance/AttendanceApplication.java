package io.jeda.attendance;

import io.jeda.common.startup.ClassPreload;
import io.micronaut.runtime.Micronaut;

import java.util.TimeZone;

/**
 * attendance-service: officers' check-ins and check-outs, whether they are checked in now, and
 * (as it grows) their daily status and monthly recap.
 */
public final class AttendanceApplication {

    private AttendanceApplication() {
    }

    public static void main(String[] args) {
        // The classes this start will need, loaded on a second thread when a list is given (JEDA_PRELOAD_CLASSES).
        ClassPreload.start();
        // Instants are stored as UTC wall time; the JVM zone must not leak into the database.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // No ASCII-art banner: with JEDA_LOG_FORMAT=json every line on stdout must be a JSON object.
        Micronaut.build(args).mainClass(AttendanceApplication.class).banner(false).start();
    }
}
