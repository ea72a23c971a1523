package io.jeda.common.grpc;

import java.util.function.Supplier;

/**
 * Work attempted on a transport thread, which must never block: inside {@link #attempt}, every
 * read that would wait (a call to another service, a database read, a synchronous write) calls
 * {@link #check()} first, which ends the attempt. The caller then hands the whole request to the
 * call pool ({@link CallPool#offload}), where it runs again and may wait. An attempt must therefore
 * change nothing before its first check.
 */
public final class NoWaiting {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    /** Thrown by {@link #check()} inside an attempt: control flow, one shared instance, no stack trace. */
    public static final class WouldWait extends RuntimeException {
        private static final WouldWait INSTANCE = new WouldWait();

        private WouldWait() {
            super("the work needs to wait", null, false, false);
        }
    }

    private NoWaiting() {
    }

    /** Runs work that may not wait; null when it would have had to (see {@link #check()}). */
    public static <T> T attempt(Supplier<T> work) {
        if (ACTIVE.get() != null) {
            return work.get();
        }
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } catch (WouldWait e) {
            return null;
        } finally {
            ACTIVE.remove();
        }
    }

    /** Called before anything that waits: ends the attempt when inside one, does nothing otherwise. */
    public static void check() {
        if (ACTIVE.get() != null) {
            throw WouldWait.INSTANCE;
        }
    }
}
