package io.jeda.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Locale;

/**
 * The services' logging set up in code, as their {@code logback.xml} says (JEDA_LOG_FORMAT text or
 * json, io.jeda at JEDA_LOG_LEVEL, everything else at WARN), without reading XML: parsing
 * logback.xml and its include loaded about 600 classes (the JDK's XML parser, logback's Joran) and
 * was about a tenth of a service's start before Micronaut began. Logback finds this class through
 * {@code META-INF/services} before it looks for logback.xml.
 *
 * <p>The XML is read as before when {@code JEDA_LOG_CONFIG=xml}, when {@code -Dlogback.configurationFile}
 * names a file, or when a {@code logback-test.xml} is on the class path (the tests').
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN =
            "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} [%X{requestId:--}] - %jedaMessage%n%jedaException";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if ("xml".equalsIgnoreCase(setting("JEDA_LOG_CONFIG", "code"))
                || System.getProperty("logback.configurationFile") != null
                || getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder(context, setting("JEDA_LOG_FORMAT", "text")));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        context.getLogger("io.jeda").setLevel(Level.toLevel(setting("JEDA_LOG_LEVEL", "INFO"), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The encoder of io/jeda/logging/text.xml or json.xml. */
    static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if ("json".equals(format.toLowerCase(Locale.ROOT))) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("jedaMessage", ConfigurationFailures.Message::new);
        layout.getInstanceConverterMap().put("jedaException", ConfigurationFailures.Throwable::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
        text.setContext(context);
        text.setLayout(layout);
        text.start();
        return text;
    }

    /** A system property first, then the environment (as logback's {@code ${NAME:-default}} looks them up). */
    private static String setting(String name, String otherwise) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? otherwise : v.trim();
    }
}
