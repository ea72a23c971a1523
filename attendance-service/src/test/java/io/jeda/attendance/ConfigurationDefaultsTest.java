package io.jeda.attendance;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deploy-time defaults of application.yml resolve to the values the issue names. Values with a
 * colon (addresses, times of day) need backticks in a placeholder default, or Micronaut reads the
 * part before the colon as another property name; this test is what notices.
 */
class ConfigurationDefaultsTest {

    @Test
    void defaultsResolveAsDocumented() {
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).build()) {
            Environment env = ctx.getEnvironment();
            env.start();
            assertEquals("127.0.0.1:50061", env.getRequiredProperty("grpc.channels.policy.address", String.class));
            assertEquals(Boolean.TRUE, env.getRequiredProperty("grpc.channels.policy.plaintext", Boolean.class));
            assertEquals(50062, env.getRequiredProperty("grpc.server.port", Integer.class));
            assertEquals(800, env.getRequiredProperty("jeda.attendance.policy.deadline-ms", Integer.class));
            assertEquals("5m", env.getRequiredProperty("jeda.attendance.max-clock-skew", String.class));
            assertEquals(100, env.getRequiredProperty("jeda.attendance.max-accuracy-meters", Integer.class));
            assertEquals("72h", env.getRequiredProperty("jeda.attendance.late-sync-limit", String.class));
            assertEquals("23:59", env.getRequiredProperty("jeda.attendance.day.default-close-time", String.class));
            assertEquals(500, env.getRequiredProperty("jeda.attendance.max-batch-officers", Integer.class));
            assertEquals(65536, env.getRequiredProperty("grpc.server.max-inbound-message-size", Integer.class));
            assertEquals("jdbc:h2:file:./.jeda/data/attendance;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=TRUE",
                    env.getRequiredProperty("datasources.default.url", String.class));
        }
    }
}
