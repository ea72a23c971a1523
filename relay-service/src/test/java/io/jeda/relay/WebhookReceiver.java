package io.jeda.relay;

import com.sun.net.httpserver.HttpServer;
import io.jeda.common.webhooks.WebhookSignature;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP endpoint that receives webhook events the way an agency's would: it checks each
 * request's Standard Webhooks signature against the secret it was given and keeps what it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and whether its signature was right. */
    public record Received(String id, String timestamp, String signature, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret = "";
    private volatile int status = 204;
    private volatile long delayMillis;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = exchange.getRequestHeaders().getFirst("webhook-signature");
            // As the Standard Webhooks libraries check: the signature, and a timestamp within 5 minutes.
            boolean valid = id != null && ts != null && sig != null
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) <= 300
                    && sig.equals(WebhookSignature.sign(secret, id, Long.parseLong(ts), body));
            received.add(new Received(id, ts, sig, body, valid));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void secret(String s) {
        secret = s;
    }

    /** A slow endpoint: each answer waits this long after the request was read and recorded. */
    public void delay(java.time.Duration d) {
        delayMillis = d.toMillis();
    }

    /** The HTTP status answered from now on (204 accepts, 500 refuses). */
    public void answer(int httpStatus) {
        status = httpStatus;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
        status = 204;
        delayMillis = 0;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
