package io.jeda.gateway;

import io.jeda.common.security.Role;
import io.jeda.gateway.v1.InquiryServiceGrpc;
import io.jeda.gateway.v1.ListInquiriesRequest;
import io.jeda.testing.ProblemAssertions;
import io.jeda.testing.TcpProxy;
import io.jeda.testing.TestDatabase;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway's own database becomes unreachable (its connections go through a proxy the test cuts):
 * the reads of that database answer UNAVAILABLE / 503 problem+json, which clients retry, never
 * INTERNAL or a bare 500; once the database is reachable again the same calls answer normally.
 */
class DatabaseOutageTest extends GatewayTestBase {

    private static final String JDBC_URL = TestDatabase.properties("gateway").get("datasources.default.url");
    private static final TcpProxy PROXY = JDBC_URL.startsWith("jdbc:mysql:") ? TcpProxy.forJdbcUrl(JDBC_URL) : null;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        if (PROXY != null) {
            p.put("datasources.default.url", PROXY.jdbcUrl(JDBC_URL));
            // A pool that waits a second for a connection, so an outage is answered within seconds.
            p.put("datasources.default.connection-timeout", "1000");
        }
        return p;
    }

    @BeforeEach
    void reachable() {
        assumeTrue(PROXY != null, "needs a MySQL/MariaDB test database (JEDA_TEST_JDBC_URL) to cut the way to");
    }

    @AfterAll
    void closeProxy() {
        if (PROXY != null) {
            PROXY.close();
        }
    }

    private void listInquiriesOverGrpc() {
        InquiryServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(OFFICER, Role.OFFICER))
                .withDeadlineAfter(20, TimeUnit.SECONDS).listInquiries(ListInquiriesRequest.newBuilder().setParent("officers/" + OFFICER).build());
    }

    private HttpResponse<String> listInquiriesOverRest() {
        return http.toBlocking().exchange(HttpRequest.GET("/v1/me/inquiries")
                .bearerAuth(Tokens.token(OFFICER, Role.OFFICER)), String.class);
    }

    @Test
    void anOutageIsUnavailableOverGrpcAndPassesWithIt() throws Exception {
        PROXY.assertOutageIsUnavailable(this::listInquiriesOverGrpc, Duration.ofSeconds(15));
    }

    @Test
    void anOutageIsA503ProblemOverRestAndPassesWithIt() throws Exception {
        assertEquals(HttpStatus.OK, listInquiriesOverRest().getStatus());
        PROXY.cut();
        try {
            HttpClientResponseException r = assertThrows(HttpClientResponseException.class, this::listInquiriesOverRest);
            ProblemAssertions.assertProblem(503, "DATABASE_UNAVAILABLE", r.getStatus().getCode(),
                    r.getResponse().getContentType().map(Object::toString).orElse(""),
                    r.getResponse().getBody(String.class).orElse(""));
            assertEquals("1", r.getResponse().header("Retry-After"));
        } finally {
            PROXY.restore();
        }
        // The pool connects again; the first calls may still meet a connection closed by the cut (503 again).
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                assertEquals(HttpStatus.OK, listInquiriesOverRest().getStatus());
                return;
            } catch (HttpClientResponseException e) {
                assertEquals(503, e.getStatus().getCode(), e.getMessage());
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
