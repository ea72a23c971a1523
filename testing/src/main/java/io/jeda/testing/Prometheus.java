package io.jeda.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** Reading a Prometheus scrape ({@code GET /prometheus}) the way a dashboard or alert would. */
public final class Prometheus {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Prometheus() {
    }

    /** {@code GET http://127.0.0.1:<port>/prometheus}; fails unless it answers 200. */
    public static String scrape(int port) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET /prometheus answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError("GET /prometheus failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sum of the samples of one series name whose labels include all the given {@code k="v"} pairs. */
    public static double sample(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String labelPart = close < 0 ? "" : line.substring(0, close + 1);
            boolean all = true;
            for (String l : labels) {
                all &= labelPart.contains(l);
            }
            if (all) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                if (!value.equals("NaN")) {
                    sum += Double.parseDouble(value);
                }
            }
        }
        return sum;
    }

    /** Whether the scrape has at least one sample of the series. */
    public static boolean has(String scrape, String name) {
        return names(scrape).contains(name);
    }

    /**
     * The series that k8s/monitoring/series.txt (what the alerts and the dashboard are built on)
     * lists for a service: {@code pending} false for those it must export now, true for those
     * another change brings. Read from the module's working directory ({@code ../k8s/...}).
     */
    public static java.util.Map<String, Boolean> listedFor(String service) {
        java.nio.file.Path file = java.nio.file.Path.of("..", "k8s", "monitoring", "series.txt");
        java.util.Map<String, Boolean> out = new java.util.TreeMap<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (!line.startsWith("#") && f.length >= 2 && f[0].equals(service)) {
                    out.put(f[1], f.length > 2 && f[2].equals("pending"));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file.toAbsolutePath() + ": " + e, e);
        }
        if (out.isEmpty()) {
            throw new AssertionError(file.toAbsolutePath() + " lists no series for " + service);
        }
        return out;
    }

    /**
     * Fails unless the scrape has every series series.txt lists for the service (other than the
     * pending ones, which are only reported while missing).
     */
    public static void assertExportsListedSeries(String service, String scrape) {
        Set<String> names = names(scrape);
        java.util.List<String> missing = new java.util.ArrayList<>();
        listedFor(service).forEach((series, pending) -> {
            if (!names.contains(series)) {
                if (pending) {
                    System.err.println(service + ": " + series + " (pending in k8s/monitoring/series.txt) is not exported yet");
                } else {
                    missing.add(series);
                }
            }
        });
        if (!missing.isEmpty()) {
            throw new AssertionError(service + " does not export " + missing
                    + ", which the alerts or the dashboard in k8s/monitoring use; it exports " + names);
        }
    }

    /** Every series name in the scrape ({@code _bucket}, {@code _count}, {@code _sum} included). */
    public static Set<String> names(String scrape) {
        Set<String> out = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = line.indexOf('{');
            if (end < 0) {
                end = line.indexOf(' ');
            }
            if (end > 0) {
                out.add(line.substring(0, end));
            }
        }
        return out;
    }
}
