package io.jeda.policy;

import io.jeda.common.security.Role;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.testing.Tokens;
import io.jeda.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service's database becomes unreachable (its connections go through a proxy the test cuts):
 * a call that reads it answers UNAVAILABLE DATABASE_UNAVAILABLE, which clients retry, never INTERNAL;
 * once the database is reachable again the call answers normally.
 */
class DatabaseOutageTest extends PolicyTestBase {

    private static final TcpProxy PROXY = TcpProxy.forTestDatabase("policy");

    @Override
    public Map<String, String> getProperties() {
        return PROXY == null ? super.getProperties() : PROXY.datasourceThrough(super.getProperties(), 1000);
    }

    @AfterAll
    void closeProxy() {
        if (PROXY != null) {
            PROXY.close();
        }
    }

    @Test
    void anOutageIsUnavailableAndRetryableAndPassesWithIt() throws Exception {
        assumeTrue(PROXY != null, "needs a MySQL/MariaDB test database (JEDA_TEST_JDBC_URL) to cut the way to");
        PROXY.assertOutageIsUnavailable(() -> UnitServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("admin-console", Role.ADMIN))
                .listUnits(ListUnitsRequest.getDefaultInstance()), Duration.ofSeconds(15));
    }
}
