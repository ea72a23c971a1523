package io.jeda.common.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jeda.common.webhooks.WebhookSignature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local webhook receiver that checks every Standard Webhooks signature and prints what arrives. */
@Command(name = "receiver", mixinStandardHelpOptions = true, description = {
        "Listens on 127.0.0.1:PORT for Jeda's webhook sends, checks each one's",
        "webhook-signature with the secret (and that webhook-timestamp is recent),",
        "answers 204 (or 401 when the check fails) and prints one line per event.",
        "A repeated webhook-id (an at-least-once retry) is said to be a duplicate.",
        "Example, with ./jeda up running (the demo agency's webhook points here):",
        "  ./jeda receiver"})
final class ReceiverCommand implements Callable<Integer> {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "9099", description = "port to listen on (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--secret", description = "the webhook's secret (whsec_...); default: the file --secret-file")
    String secret;

    @Option(names = "--secret-file", defaultValue = ".jeda/demo-webhook-secret",
            description = "file holding the secret (default ${DEFAULT-VALUE}, written by ./jeda up's demo)")
    Path secretFile;

    @Option(names = "--tolerance-seconds", defaultValue = "300",
            description = "largest accepted distance of webhook-timestamp from now (default ${DEFAULT-VALUE})")
    long tolerance;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", ex -> handle(ex, out));
        server.start();
        out.println("listening on http://127.0.0.1:" + port + "/ (Ctrl-C to stop)");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    private String secret() throws IOException {
        if (secret != null && !secret.isBlank()) {
            return secret.trim();
        }
        return Files.exists(secretFile) ? Files.readString(secretFile).trim() : null;
    }

    private void handle(HttpExchange ex, PrintWriter out) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = ex.getRequestHeaders().getFirst("webhook-signature");
            String key = secret();
            String verdict;
            int status;
            long timestamp = -1;
            try {
                timestamp = Long.parseLong(ts == null ? "" : ts.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (key == null) {
                verdict = "NO SECRET (give --secret)";
                status = 401;
            } else if (id == null || timestamp < 0 || !WebhookSignature.verify(key, id, timestamp, body, sig)) {
                verdict = "BAD SIGNATURE";
                status = 401;
            } else if (Math.abs(Instant.now().getEpochSecond() - timestamp) > tolerance) {
                verdict = "STALE TIMESTAMP";
                status = 401;
            } else {
                verdict = seen.add(id) ? "signature ok" : "signature ok, DUPLICATE (already seen)";
                status = 204;
            }
            Matcher type = TYPE.matcher(body);
            synchronized (out) {
                out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + (type.find() ? type.group(1) : "?")
                        + "  " + id + "  " + verdict);
                out.println("    " + body);
                out.flush();
            }
            ex.sendResponseHeaders(status, -1);
        } finally {
            ex.close();
        }
    }
}
