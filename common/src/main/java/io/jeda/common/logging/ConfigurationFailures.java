package io.jeda.common.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Log layout converters that make a configuration mistake at startup one readable line: when the
 * logged failure was caused by a {@code ConfigurationException} (a missing signing key, a malformed
 * URL setting), the line says what that exception says and no stack trace follows, because the fix
 * is a setting, not code. Every other event is written as the plain {@code %msg} and {@code %ex}
 * would write it.
 */
public final class ConfigurationFailures {

    private static final String CONFIGURATION_EXCEPTION = "io.micronaut.context.exceptions.ConfigurationException";

    private ConfigurationFailures() {
    }

    /** The message of the ConfigurationException among the event's causes, or null when there is none. */
    static String configurationMessage(ILoggingEvent event) {
        int depth = 0;
        for (IThrowableProxy t = event.getThrowableProxy(); t != null && depth < 32; t = t.getCause(), depth++) {
            if (CONFIGURATION_EXCEPTION.equals(t.getClassName())) {
                String m = t.getMessage() == null ? "invalid configuration" : t.getMessage().strip();
                int nl = m.indexOf('\n');
                return nl < 0 ? m : m.substring(0, nl);
            }
        }
        return null;
    }

    /** {@code %msg}, or "cannot start: <reason>" for a configuration failure. */
    public static final class Message extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            String reason = configurationMessage(event);
            return reason == null ? event.getFormattedMessage() : "cannot start: " + reason;
        }
    }

    /** {@code %ex}, or nothing for a configuration failure. */
    public static final class Throwable extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return configurationMessage(event) == null ? super.convert(event) : "";
        }
    }
}
