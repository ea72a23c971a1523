package io.jeda.gateway.tls;

import io.jeda.testing.TestCertificates;
import io.jeda.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The gateway's HTTP port with {@code JEDA_GATEWAY_HTTP_TLS=true}: HTTPS with the certificate from
 * the PEM files, no plain HTTP on the same port, and a renewed certificate served to new
 * connections without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpTlsTest {

    private TestCertificates ca;
    private Path cert;
    private Path key;
    private int port;
    private ApplicationContext context;
    private Path dir;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("jeda-http-tls");
        ca = TestCertificates.authority("jeda-test-ca");
        cert = dir.resolve("tls.crt");
        key = dir.resolve("tls.key");
        ca.issue("gateway", Duration.ofDays(2), cert, key);
        port = freePort();
        Map<String, Object> p = new HashMap<>(TestDatabase.properties("gateway"));
        p.put("micronaut.server.ssl.enabled", true);
        p.put("micronaut.server.ssl.port", port);
        p.put("micronaut.certificate.file.jeda.path", key.toString());
        p.put("micronaut.certificate.file.jeda.certificate-path", cert.toString());
        p.put("micronaut.certificate.file.jeda.refresh-interval", "200ms");
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
    void healthAnswersOverHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(ca.certificate())).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void plainHttpGetsNoAnswer() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void renewedFilesAreServedToNewConnectionsWithoutARestart() throws Exception {
        X509Certificate before = serverCertificate();
        X509Certificate renewed = ca.issue("gateway-renewed", Duration.ofDays(90), cert, key);
        BigInteger seen = before.getSerialNumber();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!seen.equals(renewed.getSerialNumber()) && System.nanoTime() < until) {
            Thread.sleep(100);
            seen = serverCertificate().getSerialNumber();
        }
        assertEquals(renewed.getSerialNumber(), seen, "a new connection gets the renewed certificate");
        healthAnswersOverHttps();
    }

    private X509Certificate serverCertificate() throws Exception {
        try (SSLSocket socket = (SSLSocket) trusting(ca.certificate()).getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static SSLContext trusting(X509Certificate root) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
