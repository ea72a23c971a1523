package io.jeda.relay;

import io.jeda.common.startup.ClassPreload;
import io.micronaut.runtime.Micronaut;

import java.util.TimeZone;

/**
 * relay-service: holds the messages agency systems hand to Jeda for an officer, answers with the
 * automatic reply, delivers them when the rules allow, escalates urgent ones and reports every step
 * through signed webhooks.
 */
public final class RelayApplication {

    private RelayApplication() {
    }

    public static void main(String[] args) {
        // The classes this start will need, loaded on a second thread when a list is given (JEDA_PRELOAD_CLASSES).
        ClassPreload.start();
        // Instants are stored as epoch milliseconds; the JVM zone must still not leak into logs or SQL.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Micronaut.build(args).mainClass(RelayApplication.class).banner(false).start();
    }
}
