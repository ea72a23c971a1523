package io.jeda.gateway.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.jeda.common.security.Role;
import io.jeda.gateway.FakePolicyService;
import io.jeda.gateway.GatewayTestBase;
import io.jeda.testing.ProblemAssertions;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls to the officer and manager endpoints as the fake world's people, and readers of the answers. */
abstract class PeopleTestBase extends GatewayTestBase {

    /** Siti, an officer whose direct manager is Budi. */
    static final String SITI = FakePolicyService.OFFICER;
    /** Budi, Siti's direct manager. */
    static final String BUDI = FakePolicyService.ONCALL;
    /** Citra, a manager who is not Siti's. */
    static final String CITRA = FakePolicyService.BACKUP;

    static final String OFFICER_TOKEN = Tokens.token(SITI, Role.OFFICER);
    static final String MANAGER_TOKEN = Tokens.token(BUDI, Role.OFFICER, Role.MANAGER);
    static final String OTHER_MANAGER_TOKEN = Tokens.token(CITRA, Role.OFFICER, Role.MANAGER);
    static final String AGENCY_TOKEN = Tokens.token("desk-1", Role.AGENCY);

    static final String CHECK_IN = """
            {"mode": "OFFICE", "deviceTime": "2026-11-25T00:05:00Z",
             "position": {"latitude": -2.7411, "longitude": 107.6520, "accuracyMeters": 12},
             "deviceId": "phone-siti"}""";

    /** What a client sees of one answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {

        Struct json() {
            return parse(body, Struct.newBuilder()).build();
        }

        <B extends Message.Builder> B as(B builder) {
            return parse(body, builder);
        }

        /** Asserts a problem body with this status and reason (the shared problem+json checks), and returns it. */
        Struct problem(int expectedStatus, String reason) {
            return ProblemAssertions.assertProblem(expectedStatus, reason, status, contentType, body).body();
        }
    }

    static <B extends Message.Builder> B parse(String json, B builder) {
        // The API's own mapping reads its answers back (dates as YYYY-MM-DD, enum prefixes optional).
        return io.jeda.gateway.http.ProtoJson.merge(json, builder);
    }

    Answer send(MutableHttpRequest<?> req, String token) {
        if (token != null) {
            req.bearerAuth(token);
        }
        try {
            HttpResponse<String> r = http.toBlocking().exchange(req, String.class);
            return new Answer(r.getStatus().getCode(), r.getContentType().map(MediaType::toString).orElse(""),
                    r.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus().getCode(),
                    e.getResponse().getContentType().map(MediaType::toString).orElse(""),
                    e.getResponse().getBody(String.class).orElse(""));
        }
    }

    Answer get(String uri, String token) {
        return send(HttpRequest.GET(uri), token);
    }

    Answer post(String uri, String token, String body) {
        return send(HttpRequest.POST(uri, body == null ? "" : body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    /** The subjects whose tokens a fake received, in order. */
    static List<String> subjects(List<String> authorizations) {
        return authorizations.stream().map(PeopleTestBase::subject).toList();
    }

    static String subject(String authorization) {
        return io.jeda.gateway.FakeCallers.subject(authorization);
    }
}
