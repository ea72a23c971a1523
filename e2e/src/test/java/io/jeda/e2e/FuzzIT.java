package io.jeda.e2e;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.WireFormat;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.common.tools.DynamicCall;
import io.jeda.testing.ServerChecks;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded, time-bounded fuzz of the running services: every method of every gRPC service that the
 * policy-service, attendance-service, the gateway and relay-service serve (found through their server reflection, so
 * a new method is fuzzed without a change here) gets random bytes and random messages with extreme
 * values (huge and negative numbers, NaN, timestamps and dates beyond their ranges, long and odd
 * strings, invalid UTF-8, unknown enum numbers), with random tokens; every REST route of the gateway's
 * OpenAPI document gets garbage path values, query values and bodies. No answer may be UNKNOWN,
 * INTERNAL, DATA_LOSS or UNIMPLEMENTED, nor an HTTP 5xx other than a deliberate 503 problem.
 *
 * <p>{@code -Djeda.fuzz.seed=N} repeats a run (the seed is printed; each case has its own seed derived
 * from it, printed with a finding); {@code -Djeda.fuzz.seconds=S} bounds it (default 25, shared by gRPC
 * and REST). Methods and routes are taken in turn, so each is called at least once in any bound.
 */
@ExtendWith(JedaServicesExtension.class)
class FuzzIT {

    private static final long SEED = Long.getLong("jeda.fuzz.seed", System.nanoTime());
    private static final int SECONDS = Integer.getInteger("jeda.fuzz.seconds", 25);
    private static final String NIP = "199001012015011002";
    private static final Set<Status.Code> REFUSED_CODES = Set.of(Status.Code.UNKNOWN, Status.Code.INTERNAL,
            Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED);
    private static final int MAX_REPORTED = 40;

    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> tally = new TreeMap<>();

    @Test
    void noInputMakesAServiceFailInternally(JedaServices services) throws Exception {
        System.out.printf("fuzz: seed %d (repeat with -Djeda.fuzz.seed=%d), %d s%n", SEED, SEED, SECONDS);
        long start = System.nanoTime();
        long grpcUntil = start + TimeUnit.SECONDS.toNanos(SECONDS) * 3 / 5;
        long restUntil = start + TimeUnit.SECONDS.toNanos(SECONDS);
        int grpcCases = fuzzGrpc(services, grpcUntil);
        int restCases = fuzzRest(services, restUntil);
        System.out.printf("fuzz: %d gRPC and %d REST cases in %d ms; answers %s%n", grpcCases, restCases,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), tally);
        for (JedaServices.Service s : JedaServices.Service.values()) {
            ServerChecks.assertServing(services.channel(s));
        }
        assertTrue(findings.isEmpty(), findings.size() + " findings (seed " + SEED + "):\n"
                + String.join("\n", findings.subList(0, Math.min(MAX_REPORTED, findings.size()))));
    }

    // ---- gRPC ----

    private record Target(JedaServices.Service service, Descriptors.MethodDescriptor method) {
        String name() {
            return method.getService().getFullName() + "/" + method.getName();
        }
    }

    private int fuzzGrpc(JedaServices services, long until) throws Exception {
        List<Target> targets = new ArrayList<>();
        for (JedaServices.Service s : JedaServices.Service.values()) {
            for (Descriptors.ServiceDescriptor sd : DynamicCall.services(services.channel(s))) {
                for (Descriptors.MethodDescriptor m : sd.getMethods()) {
                    targets.add(new Target(s, m));
                }
            }
        }
        System.out.printf("fuzz: %d gRPC methods%n", targets.size());
        int n = 0;
        do {
            Target t = targets.get(n % targets.size());
            long caseSeed = caseSeed(n);
            Random r = new Random(caseSeed);
            byte[] payload = r.nextInt(4) == 0 ? randomBytes(r) : message(r, t.method().getInputType(), 0);
            // A server stream (health's Watch) may never end: it has a short deadline.
            Duration deadline = t.method().isServerStreaming() ? Duration.ofMillis(500) : Duration.ofSeconds(3);
            Status status = call(services.channel(t.service()), t.name(), payload, credentials(r), deadline);
            tally.merge("grpc " + status.getCode(), 1, Integer::sum);
            if (REFUSED_CODES.contains(status.getCode())) {
                finding("gRPC " + t.name() + " case " + n + " (case seed " + caseSeed + "): " + status.getCode() + " "
                        + cut(status.getDescription()));
            }
            n++;
        } while (n < targets.size() || System.nanoTime() < until);
        return n;
    }

    private static Status call(ManagedChannel channel, String method, byte[] payload, CallCredentials credentials,
                               Duration deadline) {
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (credentials != null) {
            options = options.withCallCredentials(credentials);
        }
        ClientCall<byte[], byte[]> call = channel.newCall(ServerChecks.rawMethod(method), options);
        CompletableFuture<Status> closed = new CompletableFuture<>();
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, new Metadata());
        call.request(Integer.MAX_VALUE);
        call.sendMessage(payload);
        call.halfClose();
        try {
            return closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            call.cancel("no answer", e);
            return Status.DEADLINE_EXCEEDED.withDescription("no close within 10 s");
        }
    }

    private static CallCredentials credentials(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> null;
            case 1 -> Tokens.garbage();
            case 2 -> Tokens.as("admin-console", Role.ADMIN);
            case 3 -> Tokens.as("gateway", Role.SERVICE);
            case 4 -> Tokens.as("desk-1", Role.AGENCY);
            case 5 -> Tokens.as(NIP, Role.MANAGER, Role.OFFICER);
            case 6 -> Tokens.as("hr-1", Role.HR);
            // An odd subject, not a huge one: headers beyond the server's 8 KiB are refused by the client itself.
            case 7 -> Tokens.as(cut(string(r)), Role.values()[r.nextInt(Role.values().length)]);
            default -> Tokens.as(NIP, Role.OFFICER);
        };
    }

    /** A random message of the type, serialised, with now and then a string field of invalid UTF-8 added. */
    private static byte[] message(Random r, Descriptors.Descriptor type, int depth) throws IOException {
        DynamicMessage m = randomMessage(r, type, depth);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        if (r.nextInt(6) == 0) {
            for (Descriptors.FieldDescriptor f : type.getFields()) {
                if (f.getType() == Descriptors.FieldDescriptor.Type.STRING) {
                    CodedOutputStream c = CodedOutputStream.newInstance(out);
                    c.writeTag(f.getNumber(), WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    c.writeByteArrayNoTag(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE});
                    c.flush();
                    break;
                }
            }
        }
        return out.toByteArray();
    }

    private static DynamicMessage randomMessage(Random r, Descriptors.Descriptor type, int depth) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        if (type.getFullName().equals("google.protobuf.Timestamp")) {
            return b.setField(type.findFieldByName("seconds"), pick(r, 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE,
                            253_402_300_800L, -62_135_596_801L, 1_780_000_000L, r.nextLong()))
                    .setField(type.findFieldByName("nanos"), pick(r, 0, -1, 1_000_000_000, Integer.MAX_VALUE, 500))
                    .build();
        }
        if (type.getFullName().equals("google.type.Date")) {
            return b.setField(type.findFieldByName("year"), pick(r, 0, -1, 1, 9999, 10000, 2026, Integer.MAX_VALUE, Integer.MIN_VALUE))
                    .setField(type.findFieldByName("month"), pick(r, 0, 1, 2, 12, 13, -1))
                    .setField(type.findFieldByName("day"), pick(r, 0, 1, 29, 31, 32, -1))
                    .build();
        }
        for (Descriptors.FieldDescriptor f : type.getFields()) {
            if (r.nextInt(3) == 0 || (f.getType() == Descriptors.FieldDescriptor.Type.MESSAGE && depth >= 4)) {
                continue;
            }
            if (f.isRepeated()) {
                int count = depth == 0 && r.nextInt(8) == 0 ? 50 + r.nextInt(200) : r.nextInt(3);
                for (int i = 0; i < count; i++) {
                    b.addRepeatedField(f, value(r, f, depth));
                }
            } else if (f.getRealContainingOneof() == null || !b.hasOneof(f.getRealContainingOneof())) {
                b.setField(f, value(r, f, depth));
            }
        }
        return b.build();
    }

    private static Object value(Random r, Descriptors.FieldDescriptor f, int depth) {
        return switch (f.getJavaType()) {
            case INT -> pick(r, 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, r.nextInt(), r.nextInt(100));
            case LONG -> pick(r, 0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, r.nextLong());
            case FLOAT -> pick(r, 0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, r.nextFloat());
            case DOUBLE -> pick(r, 0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MAX_VALUE, -91d, 181d, r.nextDouble() * 180 - 90);
            case BOOLEAN -> r.nextBoolean();
            case STRING -> string(r);
            case BYTE_STRING -> ByteString.copyFrom(randomBytes(r));
            case ENUM -> {
                List<Descriptors.EnumValueDescriptor> values = f.getEnumType().getValues();
                // Jeda's protos are proto3: their enums are open, so an unknown number goes on the wire as it is.
                yield r.nextInt(4) == 0
                        ? f.getEnumType().findValueByNumberCreatingIfUnknown(pick(r, 99, -1, Integer.MAX_VALUE, 1000))
                        : values.get(r.nextInt(values.size()));
            }
            case MESSAGE -> randomMessage(r, f.getMessageType(), depth + 1);
        };
    }

    // ---- REST ----

    private record Route(String method, String path) {
    }

    private static final Pattern PATH = Pattern.compile("^  (/[^:\\s]*(?::[A-Za-z]+)?):\\s*$");
    private static final Pattern OPERATION = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");
    private static final Pattern PARAMETER = Pattern.compile("name:\\s*([A-Za-z_]+)");

    private int fuzzRest(JedaServices services, long until) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        URI base = services.gatewayHttp();
        String doc = http.send(HttpRequest.newBuilder(base.resolve("/openapi.yml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Route> routes = new ArrayList<>();
        Set<String> params = new LinkedHashSet<>(List.of("from", "to", "at", "urgency", "page_size", "page_token", "date"));
        String path = null;
        for (String line : doc.split("\n")) {
            Matcher p = PATH.matcher(line);
            if (p.matches()) {
                path = p.group(1);
                continue;
            }
            Matcher o = OPERATION.matcher(line);
            if (o.matches() && path != null) {
                routes.add(new Route(o.group(1).toUpperCase(), path));
            }
            Matcher q = PARAMETER.matcher(line);
            if (q.find()) {
                params.add(q.group(1));
            }
        }
        assertTrue(routes.size() > 10, "the OpenAPI document lists only " + routes + "\n" + doc);
        System.out.printf("fuzz: %d REST routes, query parameters %s%n", routes.size(), params);
        List<String> paramList = new ArrayList<>(params);
        int n = 0;
        do {
            Route route = routes.get(n % routes.size());
            long caseSeed = caseSeed(1_000_000 + n);
            Random r = new Random(caseSeed);
            String target = fill(r, route.path(), paramList);
            HttpRequest.Builder req;
            try {
                req = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(10));
            } catch (IllegalArgumentException e) {
                n++;
                continue;
            }
            String token = switch (r.nextInt(6)) {
                case 0 -> null;
                case 1 -> "garbage." + Long.toHexString(r.nextLong());
                case 2 -> Tokens.token("desk-1", Role.AGENCY);
                case 3 -> Tokens.token(NIP, Role.MANAGER, Role.OFFICER);
                default -> Tokens.token(NIP, Role.OFFICER);
            };
            if (token != null) {
                req.header("Authorization", "Bearer " + token.replaceAll("[\\r\\n]", ""));
            }
            String method = r.nextInt(10) == 0 ? pick(r, "GET", "POST", "PUT", "DELETE", "PATCH") : route.method();
            byte[] body = body(r);
            if (r.nextBoolean()) {
                req.header("Content-Type", pick(r, "application/json", "text/plain", "application/x-protobuf", "application/json; charset=latin1"));
            }
            req.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> resp;
            try {
                resp = send(http, req.build());
            } catch (IOException e) {
                finding("REST " + method + " " + cut(target) + " case " + n + " (case seed " + caseSeed + "): no answer: " + e);
                n++;
                continue;
            }
            int code = resp.statusCode();
            tally.merge("http " + code, 1, Integer::sum);
            boolean deliberate503 = code == 503 && resp.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (code >= 500 && !deliberate503) {
                finding("REST " + method + " " + cut(target) + " case " + n + " (case seed " + caseSeed + "): " + code + " "
                        + cut(resp.body()));
            }
            n++;
        } while (n < routes.size() || System.nanoTime() < until);
        return n;
    }

    /**
     * One request; sent again once on a connection failure, because the client may have reused a
     * kept-alive connection the server had just closed (after an answer whose body it did not read).
     * A server that does not answer twice is a finding.
     */
    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The route with garbage in its path variables, and random query values. */
    private static String fill(Random r, String template, List<String> params) {
        StringBuilder path = new StringBuilder();
        Matcher m = Pattern.compile("\\{[^}]+}").matcher(template);
        int last = 0;
        while (m.find()) {
            path.append(template, last, m.start()).append(pathValue(r));
            last = m.end();
        }
        path.append(template.substring(last));
        if (r.nextInt(8) == 0) {
            path.append('/').append(pathValue(r));
        }
        int queries = r.nextInt(4);
        for (int i = 0; i < queries; i++) {
            path.append(i == 0 ? '?' : '&').append(params.get(r.nextInt(params.size()))).append('=')
                    .append(URLEncoder.encode(queryValue(r), StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    private static String pathValue(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> NIP;
            case 1 -> URLEncoder.encode(string(r), StandardCharsets.UTF_8);
            case 2 -> pick(r, "..", "%2e%2e", "%00", "%FF%FE", "-", "~", "%2F", "a:b", "1e999", "-0001-01-01");
            case 3 -> "9".repeat(r.nextInt(3000) + 1);
            default -> Long.toString(r.nextLong());
        };
    }

    private static String queryValue(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> pick(r, "-0001-01-01", "+10000-01-01", "9999-12-31", "0000-00-00", "2026-02-30", "1970-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-11-28T14:00:00+25:00");
            case 1 -> pick(r, "-1", "0", "2147483648", "-9223372036854775809", "NaN", "1e400", "ROUTINE", "EMERGENCY", "true");
            default -> string(r);
        };
    }

    private static byte[] body(Random r) throws IOException {
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> randomBytes(r);
            case 2 -> ("{\"" + string(r).replace("\"", "") + "\":" + pick(r, "1e999", "-1", "null", "[]", "{}", "\"x\"",
                    "9223372036854775808", "\"-0001-01-01\"") + "}").getBytes(StandardCharsets.UTF_8);
            case 3 -> pick(r, "{\"date\":\"+10000-01-01\",\"place\":\"HOME\"}", "{\"startDate\":\"-0001-01-01\",\"endDate\":\"9999-12-31\"}",
                    "{\"officers\":[" + "\"officers/1\",".repeat(2000) + "\"x\"]}", "[", "{\"a\":", "\"\\ud800\"",
                    "{\"reason\":\"" + "x".repeat(100_000) + "\"}", "{\"position\":{\"latitude\":\"NaN\"}}",
                    "{\"urgency\":12345,\"time\":\"10000-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
            default -> ("{\"" + pick(r, "date", "start_date", "startDate", "note", "reason", "officers", "place", "urgency",
                    "time", "position", "device_time", "idempotency_key") + "\":" + jsonValue(r) + "}").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String jsonValue(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> pick(r, "1e999", "-1", "null", "true", "[]", "{}", "9223372036854775808", "-2147483649");
            case 1 -> "\"" + pick(r, "-0001-01-01", "+10000-01-01", "2026-13-01", "99999-01-01T00:00:00Z", "NaN") + "\"";
            case 2 -> "[" + "1,".repeat(r.nextInt(500)) + "1]";
            default -> io.jeda.common.error.ProblemBody.quote(new StringBuilder(), string(r)).toString();
        };
    }

    // ---- shared ----

    private static String string(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "";
            case 1 -> "officers/" + NIP;
            case 2 -> pick(r, "officers/-", "units/-", "officers/" + NIP + "/plans/x", "rosters/a", "units/x/../y", "*");
            case 3 -> "x".repeat(r.nextInt(3) == 0 ? 100_000 : 2_000);
            case 4 -> "\u0000\u202e\ud83d\ude00\u00e9\ufffd\u3000";
            case 5 -> "officers/" + "9".repeat(r.nextInt(40));
            default -> {
                StringBuilder s = new StringBuilder();
                int len = r.nextInt(30);
                for (int i = 0; i < len; i++) {
                    s.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x3000) : 0x20 + r.nextInt(0x5f)));
                }
                yield s.toString();
            }
        };
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(4) == 0 ? r.nextInt(4096) : r.nextInt(32)];
        r.nextBytes(b);
        return b;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static long caseSeed(int n) {
        long z = SEED + 0x9E3779B97F4A7C15L * (n + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }

    private void finding(String f) {
        findings.add(f);
        if (findings.size() <= MAX_REPORTED) {
            System.out.println("fuzz: finding: " + f);
        }
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
