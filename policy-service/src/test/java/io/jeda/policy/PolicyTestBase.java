package io.jeda.policy;

import io.grpc.ManagedChannel;
import io.jeda.testing.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import javax.sql.DataSource;

/**
 * Base of the tests that run policy-service for real: its gRPC server, its migrations and the
 * test database chosen by {@link TestDatabase}. Every table is emptied before each test.
 */
@MicronautTest(transactional = false, environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PolicyTestBase implements TestPropertyProvider {

    @Inject
    protected DataSource dataSource;

    @Inject
    @GrpcChannel(GrpcServerChannel.NAME)
    protected ManagedChannel channel;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties("policy");
    }

    @BeforeEach
    void cleanDatabase() {
        TestDatabase.truncateAll(DelegatingDataSource.unwrapDataSource(dataSource));
    }
}
