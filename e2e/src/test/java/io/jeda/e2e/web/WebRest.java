package io.jeda.e2e.web;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.jeda.common.security.Role;
import io.jeda.testing.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's REST API as the officers' other devices would call it, with bearer tokens: to set
 * the scene before a browser test and to check afterwards what the server really stored.
 */
final class WebRest {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    WebRest(URI base) {
        this.base = base;
    }

    static String officer(String nip) {
        return Tokens.token(nip, Role.OFFICER);
    }

    static String manager(String nip) {
        return Tokens.token(nip, Role.OFFICER, Role.MANAGER);
    }

    /** Creates and submits a plan; returns its name ({@code plans/...}). */
    String submitPlan(String nip, String planJson) {
        String name = field(json(send("POST", "/v1/me/plans", officer(nip), planJson)), "name");
        send("POST", "/v1/me/" + name + ":submit", officer(nip), null);
        return name;
    }

    void approvePlan(String managerNip, String planName) {
        send("POST", "/v1/team/" + planName + ":approve", manager(managerNip), null);
    }

    /** The state of one of the officer's plans, e.g. PLAN_STATE_ACTIVE. */
    String planState(String nip, String planName) {
        return field(json(send("GET", "/v1/me/" + planName, officer(nip), null)), "state");
    }

    /** The events (check-ins and check-outs) of the officer's day, as the server recorded them. */
    List<Value> events(String nip, java.time.LocalDate day) {
        Struct d = json(send("GET", "/v1/me/attendance/" + day, officer(nip), null));
        Value events = d.getFieldsMap().get("events");
        return events == null ? List.of() : events.getListValue().getValuesList();
    }

    String send(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Struct json(String text) {
        try {
            Struct.Builder b = Struct.newBuilder();
            JsonFormat.parser().merge(text, b);
            return b.build();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static String field(Struct s, String name) {
        Value v = s.getFieldsMap().get(name);
        return v == null ? "" : v.getStringValue();
    }
}
