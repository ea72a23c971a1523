package io.jeda.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationFailuresTest {

    private static final LoggerContext CONTEXT = new LoggerContext();

    private static LoggingEvent event(Throwable t) {
        Logger logger = CONTEXT.getLogger("io.micronaut.runtime.Micronaut");
        return new LoggingEvent(Logger.class.getName(), logger, Level.ERROR,
                "Error starting Micronaut server: {}", t, new Object[]{"Bean definition [x] could not be loaded:\nmore"});
    }

    private static String[] render(LoggingEvent e) {
        ConfigurationFailures.Message m = new ConfigurationFailures.Message();
        ConfigurationFailures.Throwable t = new ConfigurationFailures.Throwable();
        t.setContext(CONTEXT);
        t.start();
        return new String[]{m.convert(e), t.convert(e)};
    }

    @Test
    void aMissingKeyDeepInTheCausesIsOneLineWithoutAStackTrace() {
        Throwable wrapped = new RuntimeException("Error instantiating bean of type [TokenService]\n\nPath Taken: ...",
                new ConfigurationException("No token verification key: set JEDA_JWT_SECRET (at least 32 bytes) or JEDA_JWKS_URI"));
        String[] out = render(event(wrapped));
        assertEquals("cannot start: No token verification key: set JEDA_JWT_SECRET (at least 32 bytes) or JEDA_JWKS_URI",
                out[0]);
        assertEquals("", out[1]);
    }

    @Test
    void otherFailuresKeepTheirMessageAndStackTrace() {
        String[] out = render(event(new IllegalStateException("database down")));
        assertEquals("Error starting Micronaut server: Bean definition [x] could not be loaded:\nmore", out[0]);
        assertTrue(out[1].contains("java.lang.IllegalStateException: database down"), out[1]);
        assertTrue(out[1].contains("\tat "), out[1]);
    }
}
