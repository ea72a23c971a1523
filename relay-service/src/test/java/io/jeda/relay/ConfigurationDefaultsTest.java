package io.jeda.relay;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deploy-time defaults of application.yml resolve to the documented values (a default with a
 * colon needs backticks, or Micronaut reads the part before the colon as another property name).
 */
class ConfigurationDefaultsTest {

    @Test
    void defaultsResolveAsDocumented() {
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).build()) {
            Environment env = ctx.getEnvironment();
            env.start();
            assertEquals("127.0.0.1:50060", env.getRequiredProperty("grpc.channels.gateway.address", String.class));
            assertEquals(Boolean.TRUE, env.getRequiredProperty("grpc.channels.gateway.plaintext", Boolean.class));
            assertEquals(50063, env.getRequiredProperty("grpc.server.port", Integer.class));
            assertEquals("800ms", env.getRequiredProperty("jeda.relay.gateway.deadline", String.class));
            assertEquals("5m", env.getRequiredProperty("jeda.relay.ack-timeout.emergency", String.class));
            assertEquals("15m", env.getRequiredProperty("jeda.relay.ack-timeout.urgent", String.class));
            assertEquals(8, env.getRequiredProperty("jeda.relay.webhook.max-attempts", Integer.class));
            assertEquals("0s", env.getRequiredProperty("jeda.relay.clock-offset", String.class));
            assertEquals("", env.getProperty("jeda.relay.smtp.host", String.class).orElse(""), "email off by default");
            assertEquals(587, env.getRequiredProperty("jeda.relay.smtp.port", Integer.class));
            assertEquals(Boolean.TRUE, env.getRequiredProperty("jeda.relay.smtp.starttls", Boolean.class));
            assertEquals("jeda@localhost", env.getRequiredProperty("jeda.relay.smtp.from", String.class));
            assertEquals("jdbc:h2:file:./.jeda/data/relay;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=TRUE",
                    env.getRequiredProperty("datasources.default.url", String.class));
        }
    }
}
