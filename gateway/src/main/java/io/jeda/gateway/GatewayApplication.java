package io.jeda.gateway;

import io.jeda.common.startup.ClassPreload;
import io.micronaut.runtime.Micronaut;

import java.util.TimeZone;

/**
 * The gateway: the one service exposed to agency systems, officers and managers. It answers
 * reachability questions from policy-service and attendance-service data, audits every answer and
 * limits each client's rate.
 */
public final class GatewayApplication {

    private GatewayApplication() {
    }

    public static void main(String[] args) {
        // The classes this start will need, loaded on a second thread when a list is given (JEDA_PRELOAD_CLASSES).
        ClassPreload.start();
        // Instants are stored as UTC wall time; the JVM zone must not leak into the database.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // No ASCII-art banner: with JEDA_LOG_FORMAT=json every line on stdout must be a JSON object.
        Micronaut.build(args).mainClass(GatewayApplication.class).banner(false).start();
    }
}
