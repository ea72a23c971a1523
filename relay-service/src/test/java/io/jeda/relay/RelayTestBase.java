package io.jeda.relay;

import io.grpc.ManagedChannel;
import io.jeda.common.security.Role;
import io.jeda.relay.app.DeliveryWorker;
import io.jeda.relay.app.Mailer;
import io.jeda.relay.app.RelayMeters;
import io.jeda.relay.app.RelayClock;
import io.jeda.relay.app.RelaySettings;
import io.jeda.relay.app.WebhookSender;
import io.jeda.relay.domain.ManagerLookup;
import io.jeda.relay.domain.ReachabilityLookup;
import io.jeda.relay.persistence.MessageStore;
import io.jeda.relay.persistence.WebhookStore;
import io.jeda.relay.v1.MessageServiceGrpc;
import io.jeda.relay.v1.RegisterWebhookRequest;
import io.jeda.relay.v1.SubmitMessageRequest;
import io.jeda.relay.v1.Urgency;
import io.jeda.relay.v1.Webhook;
import io.jeda.relay.v1.WebhookServiceGrpc;
import io.jeda.testing.TestDatabase;
import io.jeda.testing.Tokens;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Base of the tests that run relay-service for real: its gRPC server, its migrations on the test
 * database ({@link TestDatabase}), the production gateway client pointed at a {@link FakeGateway},
 * and a {@link WebhookReceiver} standing for the agency. Workers do not run on their own here: tests
 * make them and run their rounds at the instants they choose, moving {@link RelayClock}.
 */
@MicronautTest(transactional = false, environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RelayTestBase implements TestPropertyProvider {

    protected static final FakeGateway GATEWAY = FakeGateway.start();

    protected static final String AGENCY = "lapor-complaint-desk";
    protected static final String OTHER_AGENCY = "e-office";
    protected static final String NIP = "198503152010011001";
    protected static final String ON_CALL_NIP = "199001012015032002";
    protected static final String OTHER_NIP = "197512312000121003";

    @Inject
    protected DataSource dataSource;
    @Inject
    @GrpcChannel(GrpcServerChannel.NAME)
    protected ManagedChannel channel;
    @Inject
    protected RelayClock clock;
    @Inject
    protected MessageStore messageStore;
    @Inject
    protected WebhookStore webhookStore;
    @Inject
    protected ReachabilityLookup reachability;
    @Inject
    protected ManagerLookup managers;
    @Inject
    protected RelaySettings settings;
    @Inject
    protected Mailer mailer;
    @Inject
    protected RelayMeters meters;

    protected WebhookReceiver receiver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(TestDatabase.properties("relay"));
        p.put("grpc.channels.gateway.address", "127.0.0.1:" + GATEWAY.port());
        p.put("grpc.channels.gateway.plaintext", "true");
        p.put("grpc.channels.policy.address", "127.0.0.1:" + GATEWAY.port());
        p.put("grpc.channels.policy.plaintext", "true");
        return p;
    }

    @BeforeEach
    void resetWorld() throws IOException {
        TestDatabase.truncateAll(DelegatingDataSource.unwrapDataSource(dataSource));
        GATEWAY.reset();
        if (receiver == null) {
            receiver = new WebhookReceiver();
        }
        receiver.clear();
    }

    @AfterAll
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    protected MessageServiceGrpc.MessageServiceBlockingStub agency() {
        return MessageServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(AGENCY, Role.AGENCY));
    }

    protected MessageServiceGrpc.MessageServiceBlockingStub as(String subject, Role... roles) {
        return MessageServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    protected WebhookServiceGrpc.WebhookServiceBlockingStub webhooks(String client) {
        return WebhookServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(client, Role.AGENCY));
    }

    /** Registers the receiver for the agency and tells it the secret. */
    protected Webhook registerReceiver() {
        Webhook w = webhooks(AGENCY).registerWebhook(RegisterWebhookRequest.newBuilder().setUrl(receiver.url()).build());
        receiver.secret(w.getSecret());
        return w;
    }

    protected static SubmitMessageRequest.Builder message(String nip, Urgency urgency, String subject) {
        return SubmitMessageRequest.newBuilder().setRecipient("officers/" + nip).setUrgency(urgency)
                .setSubject(subject).setText("Mohon tindak lanjut laporan warga: " + subject);
    }

    protected DeliveryWorker worker(String name) {
        return new DeliveryWorker(name, messageStore, reachability, managers, settings, clock, meters);
    }

    protected WebhookSender sender(String name) {
        return new WebhookSender(name, webhookStore, settings, clock, mailer, meters);
    }

    protected static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    protected long count(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
