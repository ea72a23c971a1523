package io.jeda.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logging set up in code writes what the services' logback.xml (and its includes) wrote. */
class LogConfiguratorTest {

    private static LoggingEvent event(LoggerContext context, Throwable t) {
        Logger logger = context.getLogger("io.jeda.policy.demo.DemoData");
        LoggingEvent e = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "seeded {} officers", t,
                new Object[]{51});
        e.setThreadName("main");
        e.setTimeStamp(1_780_000_000_123L);
        e.setMDCPropertyMap(Map.of("requestId", "req-1"));
        return e;
    }

    @SuppressWarnings("unchecked")
    private static String render(LoggerContext context, Throwable t) {
        var appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        return new String(appender.getEncoder().encode(event(context, t)), StandardCharsets.UTF_8);
    }

    private static LoggerContext fromXml(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        String xml = "<configuration><include resource=\"io/jeda/logging/" + format + ".xml\"/>"
                + "<root level=\"WARN\"><appender-ref ref=\"STDOUT\"/></root></configuration>";
        joran.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return context;
    }

    private static LoggerContext fromCode(String format) {
        LoggerContext context = new LoggerContext();
        var appender = new ch.qos.logback.core.ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("STDOUT");
        appender.setEncoder(LogConfigurator.encoder(context, format));
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return context;
    }

    @Test
    void textLinesAreTheXmlLayoutsLines() throws Exception {
        for (Throwable t : new Throwable[]{null, new IllegalStateException("database down"),
                new RuntimeException("x", new ConfigurationException("No token verification key"))}) {
            String xml = render(fromXml("text"), t);
            assertEquals(xml, render(fromCode("text"), t));
        }
        assertTrue(render(fromCode("text"), null).endsWith(" INFO  [main] io.jeda.policy.demo.DemoData [req-1] - seeded 51 officers"
                + System.lineSeparator()), render(fromCode("text"), null));
    }

    @Test
    void jsonLinesAreTheXmlLayoutsLines() throws Exception {
        Throwable t = new IllegalStateException("database down");
        assertEquals(render(fromXml("json"), t), render(fromCode("json"), t));
        assertTrue(render(fromCode("json"), null).contains("\"formattedMessage\":\"seeded 51 officers\""));
    }

    @Test
    void configuresRootAtWarnAndJedaAtInfo() {
        LoggerContext context = new LoggerContext();
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
        assertEquals(Level.WARN, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.INFO, context.getLogger("io.jeda").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("io.micronaut.context").getEffectiveLevel());
    }

    @Test
    void aNamedConfigurationFileIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "elsewhere.xml");
        try {
            LoggerContext context = new LoggerContext();
            LogConfigurator configurator = new LogConfigurator();
            configurator.setContext(context);
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator.configure(context));
            assertEquals(null, context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"));
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }
}
