package io.jeda.policy.tls;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.jeda.testing.TestCertificates;
import io.jeda.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * policy-service with {@code JEDA_POLICY_PLAINTEXT=false}, as the prod overlay runs it: the gRPC
 * server speaks TLS with the certificate from PEM files, a channel configured with
 * {@code plaintext: false} reaches it trusting the CA file, a plaintext client is refused, and
 * replacing the files (as cert-manager renews a Secret) changes the certificate new connections
 * see, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcTlsTest {

    private Path dir;

    private TestCertificates ca;
    private Path cert;
    private Path key;
    private Path trust;
    private int port;
    private ApplicationContext context;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("jeda-tls");
        ca = TestCertificates.authority("jeda-test-ca");
        cert = dir.resolve("tls.crt");
        key = dir.resolve("tls.key");
        trust = ca.writeCa(dir.resolve("ca.crt"));
        ca.issue("policy-service", Duration.ofDays(2), cert, key);
        port = freePort();
        Map<String, Object> p = new HashMap<>(TestDatabase.properties("policy"));
        p.put("grpc.server.port", port);
        p.put("jeda.grpc.server.plaintext", false);
        p.put("jeda.tls.cert-file", cert.toString());
        p.put("jeda.tls.key-file", key.toString());
        p.put("jeda.tls.trust-file", trust.toString());
        p.put("jeda.tls.reload-interval", "100ms");
        p.put("grpc.channels.policy.address", "localhost:" + port);
        p.put("grpc.channels.policy.plaintext", false);
        context = ApplicationContext.run(EmbeddedServer.class, p, "test").getApplicationContext();
    }

    @AfterAll
    void stop() throws IOException {
        if (context != null) {
            context.close();
        }
        if (dir != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aChannelConfiguredForTlsReachesTheServer() {
        ManagedChannel channel = context.getBean(PolicyCaller.class).channel;
        HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, r.getStatus());
    }

    @Test
    void aPlaintextClientIsRefused() {
        ManagedChannel plain = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        try {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () ->
                    HealthGrpc.newBlockingStub(plain).withDeadlineAfter(5, TimeUnit.SECONDS)
                            .check(HealthCheckRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() {
        TestCertificates other = TestCertificates.authority("someone-else");
        assertThrows(SSLHandshakeException.class, () -> serverCertificate(other.certificate()));
    }

    @Test
    void renewedFilesAreServedToNewConnectionsWithoutARestart() throws Exception {
        X509Certificate before = serverCertificate(ca.certificate());
        X509Certificate renewed = ca.issue("policy-service-renewed", Duration.ofDays(90), cert, key);
        BigInteger seen = before.getSerialNumber();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.equals(renewed.getSerialNumber()) && System.nanoTime() < until) {
            Thread.sleep(100);
            seen = serverCertificate(ca.certificate()).getSerialNumber();
        }
        assertEquals(renewed.getSerialNumber(), seen, "a new connection gets the renewed certificate");
        assertTrue(renewed.getSubjectX500Principal().getName().contains("renewed"));
        // The gRPC channel still works: its new connections verify the renewed certificate.
        aChannelConfiguredForTlsReachesTheServer();
    }

    @Test
    void aBrokenFileKeepsThePreviousCertificate() throws Exception {
        X509Certificate before = serverCertificate(ca.certificate());
        Path broken = dir.resolve("broken.tmp");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
        byte[] good = Files.readAllBytes(cert);
        Files.move(broken, cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            Thread.sleep(400);
            assertEquals(before.getSerialNumber(), serverCertificate(ca.certificate()).getSerialNumber());
        } finally {
            Files.write(cert, good);
        }
    }

    /** The leaf certificate the server presents to a new TLS connection that trusts {@code root}. */
    private X509Certificate serverCertificate(X509Certificate root) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A bean that gets the "policy" channel as the services' clients do. */
    @Singleton
    @Requires(property = "grpc.channels.policy.address")
    static class PolicyCaller {
        final ManagedChannel channel;

        PolicyCaller(@GrpcChannel("policy") ManagedChannel channel) {
            this.channel = channel;
        }
    }
}
