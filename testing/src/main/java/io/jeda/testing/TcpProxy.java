package io.jeda.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP forwarder on a free local port that a test can cut and restore, to see what a service
 * answers while its database (or any server behind it) is unreachable without stopping that server
 * for everyone else. {@link #cut()} closes every open connection and refuses new ones (they are
 * accepted and closed at once, as a dead peer would); {@link #restore()} forwards again.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern JDBC_HOST_PORT = Pattern.compile("^(jdbc:[a-z]+://)([^/:]+)(?::(\\d+))?(/.*)?$");

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private volatile boolean closed;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the proxy", e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the server of a {@code jdbc:<driver>://host:port/...} URL. */
    public static TcpProxy forJdbcUrl(String url) {
        Matcher m = JDBC_HOST_PORT.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:<driver>://host:port/... URL: " + url);
        }
        return new TcpProxy(m.group(2), m.group(3) == null ? 3306 : Integer.parseInt(m.group(3)));
    }

    /** {@code url} with its host and port replaced by this proxy's. */
    public String jdbcUrl(String url) {
        Matcher m = JDBC_HOST_PORT.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:<driver>://host:port/... URL: " + url);
        }
        return m.group(1) + "127.0.0.1:" + port() + (m.group(4) == null ? "" : m.group(4));
    }

    /**
     * A service's test properties with its datasource going through this proxy, and a pool that waits
     * only {@code connectTimeoutMs} for a connection, so that an outage is answered within seconds.
     */
    public java.util.Map<String, String> datasourceThrough(java.util.Map<String, String> properties, long connectTimeoutMs) {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>(properties);
        p.put("datasources.default.url", jdbcUrl(properties.get("datasources.default.url")));
        p.put("datasources.default.connection-timeout", String.valueOf(connectTimeoutMs));
        return p;
    }

    /**
     * Fails unless {@code call} passes while the way is open, fails with UNAVAILABLE and the reason
     * DATABASE_UNAVAILABLE while it is {@link #cut()}, and passes again within {@code recovery} once
     * it is {@link #restore() restored}.
     */
    public void assertOutageIsUnavailable(Runnable call, java.time.Duration recovery) throws InterruptedException {
        call.run();
        cut();
        try {
            io.grpc.StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.grpc.StatusRuntimeException.class, call::run);
            org.junit.jupiter.api.Assertions.assertEquals(io.grpc.Status.Code.UNAVAILABLE, e.getStatus().getCode(),
                    String.valueOf(e.getStatus()));
            org.junit.jupiter.api.Assertions.assertEquals("DATABASE_UNAVAILABLE", io.jeda.common.grpc.GrpcErrors.reason(e));
        } finally {
            restore();
        }
        long until = System.nanoTime() + recovery.toNanos();
        while (true) {
            try {
                call.run();
                return;
            } catch (io.grpc.StatusRuntimeException e) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("still failing " + recovery + " after the database came back", e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** A proxy in front of the test database when it is a MySQL/MariaDB server; null for H2. */
    public static TcpProxy forTestDatabase(String service) {
        String url = TestDatabase.properties(service).get("datasources.default.url");
        return url.startsWith("jdbc:mysql:") ? forJdbcUrl(url) : null;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every forwarded connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            open.add(client);
            open.add(server);
            pump(client, server);
            pump(server, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side went away (or the proxy was cut): the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all we want
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all we want
        }
    }
}
