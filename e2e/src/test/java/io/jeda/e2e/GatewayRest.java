package io.jeda.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.jeda.gateway.v1.ListInquiriesResponse;
import io.jeda.gateway.v1.Reachability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The gateway's public REST/JSON API as an agency system, an officer's app or a manager's web page
 * calls it: plain HTTP with a bearer token. Bodies are read with protobuf's strict JSON parser, so a field the API does
 * not define fails the test instead of being ignored.
 */
final class GatewayRest {

    /** One reachability answer, its JSON as sent and how long the round trip took. */
    record Answer(Reachability reachability, String json, Duration elapsed) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    GatewayRest(URI base) {
        this.base = base;
    }

    /** {@code GET /v1/officers/{nip}/reachability?urgency=...[&at=...]}; {@code at} null means now. */
    Answer reachability(String token, String nip, String urgency, Instant at) {
        String uri = "/v1/officers/" + nip + "/reachability?urgency=" + urgency + (at == null ? "" : "&at=" + at);
        long start = System.nanoTime();
        String json = get(uri, token);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Answer(parse(json, Reachability.newBuilder()).build(), json, elapsed);
    }

    /** {@code GET /v1/me/inquiries}: who asked about the caller. */
    ListInquiriesResponse myInquiries(String token) {
        return parse(get("/v1/me/inquiries?pageSize=100", token), ListInquiriesResponse.newBuilder()).build();
    }

    /**
     * {@code POST} of a message in JSON (or of no body), optionally with an {@code Idempotency-Key}
     * header; the answer is read into the builder.
     */
    <B extends Message.Builder> B post(String path, String token, Message body, String idempotencyKey, B into) {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (idempotencyKey != null) {
            req.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            req.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(print(body)));
        }
        return parse(send(req.build(), "POST " + path), into);
    }

    private String get(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                "GET " + pathAndQuery);
    }

    /** Sends, and insists on 200 with a JSON body; anything else fails the test with what came back. */
    private String send(HttpRequest req, String what) {
        HttpResponse<String> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + what, e);
        }
        if (r.statusCode() != 200) {
            throw new AssertionError(what + " answered " + r.statusCode() + ": " + r.body());
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            throw new AssertionError(what + " answered Content-Type " + type + ": " + r.body());
        }
        return r.body();
    }

    private static String print(Message m) {
        try {
            return JsonFormat.printer().print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getFullName(), e);
        }
    }

    private static <B extends Message.Builder> B parse(String json, B builder) {
        try {
            JsonFormat.parser().merge(protobufDates(json, builder.getDescriptorForType()), builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a " + builder.getDescriptorForType().getFullName() + " in JSON: " + json, e);
        }
    }

    /**
     * The API writes local dates as {@code "YYYY-MM-DD"} and local times as {@code "HH:MM"}, where
     * protobuf's own parser wants {@code google.type.Date} and {@code TimeOfDay} objects: they are turned
     * back into those before the strict parse, and nothing else is touched.
     */
    private static String protobufDates(String json, Descriptors.Descriptor type) {
        JsonElement tree = JsonParser.parseString(json);
        if (tree.isJsonObject()) {
            objects(tree.getAsJsonObject(), type);
        }
        return tree.toString();
    }

    private static void objects(JsonObject o, Descriptors.Descriptor type) {
        for (Descriptors.FieldDescriptor f : type.getFields()) {
            JsonElement v = o.get(f.getJsonName());
            if (v == null || f.getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE || f.isMapField()) {
                continue;
            }
            if (v.isJsonArray()) {
                JsonArray a = v.getAsJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, object(a.get(i), f.getMessageType()));
                }
            } else {
                o.add(f.getJsonName(), object(v, f.getMessageType()));
            }
        }
    }

    private static JsonElement object(JsonElement v, Descriptors.Descriptor type) {
        String name = type.getFullName();
        if (v.isJsonPrimitive() && name.equals("google.type.Date")) {
            LocalDate d = LocalDate.parse(v.getAsString());
            JsonObject o = new JsonObject();
            o.addProperty("year", d.getYear());
            o.addProperty("month", d.getMonthValue());
            o.addProperty("day", d.getDayOfMonth());
            return o;
        }
        if (v.isJsonPrimitive() && name.equals("google.type.TimeOfDay")) {
            LocalTime t = LocalTime.parse(v.getAsString());
            JsonObject o = new JsonObject();
            o.addProperty("hours", t.getHour());
            o.addProperty("minutes", t.getMinute());
            o.addProperty("seconds", t.getSecond());
            o.addProperty("nanos", t.getNano());
            return o;
        }
        if (v.isJsonObject() && !name.startsWith("google.protobuf.")) {
            objects(v.getAsJsonObject(), type);
        }
        return v;
    }
}
