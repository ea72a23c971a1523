package io.jeda.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ListInquiriesResponse;
import io.jeda.gateway.v1.ListUnitReachabilityRequest;
import io.jeda.gateway.v1.ListUnitReachabilityResponse;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.ProblemAssertions;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import static io.jeda.gateway.FakePolicyService.BACKUP;
import static io.jeda.gateway.FakePolicyService.OFFICER;
import static io.jeda.gateway.FakePolicyService.ONCALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REST/JSON: the same answers as gRPC, bearer authentication, problem bodies, health. */
class RestApiTest extends GatewayTestBase {

    private static final String AGENCY = Tokens.token("desk-1", Role.AGENCY);

    private String get(String uri, String token) {
        MutableHttpRequest<?> req = HttpRequest.GET(uri);
        if (token != null) {
            req.bearerAuth(token);
        }
        HttpResponse<String> r = http.toBlocking().exchange(req, String.class);
        assertEquals(HttpStatus.OK, r.getStatus());
        assertTrue(r.getContentType().orElseThrow().getName().startsWith("application/json"));
        return r.body();
    }

    private static <B extends Message.Builder> B parse(String json, B builder) {
        // The API's own mapping reads its answers back (dates as YYYY-MM-DD, enum prefixes optional).
        return io.jeda.gateway.http.ProtoJson.merge(json, builder);
    }

    /** Status, reason and the whole problem body of a failed REST call (the shared problem+json checks). */
    private static Struct problem(HttpClientResponseException e, HttpStatus status, String reason) {
        String body = e.getResponse().getBody(String.class).orElseThrow();
        Struct s = ProblemAssertions.assertProblem(status.getCode(), reason, e.getStatus().getCode(),
                e.getResponse().getContentType().map(Object::toString).orElse(""), body).body();
        assertTrue(s.containsFields("type") && s.containsFields("title") && s.containsFields("detail")
                && s.containsFields("metadata"), body);
        return s;
    }

    @Test
    void restAndGrpcGiveTheSameAnswer() {
        Reachability viaGrpc = ReachabilityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setUrgency(Urgency.URGENCY_EMERGENCY)
                        .setTime(ReachabilityGrpcTest.ts("2026-11-25T16:00:00Z")).build());

        String json = get("/v1/officers/" + OFFICER + "/reachability?urgency=EMERGENCY&at=2026-11-25T16:00:00Z", AGENCY);
        Reachability viaRest = parse(json, Reachability.newBuilder()).build();

        assertEquals(viaGrpc, viaRest);
        assertEquals("officers/" + ONCALL, viaRest.getContactInstead().getOfficer());
        // One compact JSON formatting, booleans written also when false.
        assertTrue(json.contains("\"state\":\"REACHABILITY_STATE_OFF_DUTY\""), json);
        assertTrue(json.contains("\"reachable\":false") && json.contains("\"degraded\":false"), json);
    }

    @Test
    void routineAtNightOverRest() {
        Reachability r = parse(get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE", AGENCY),
                Reachability.newBuilder()).build();
        assertEquals(ReachabilityGrpcTest.ts("2026-11-26T00:30:00Z"), r.getNextReachableAt());
    }

    @Test
    void batchAndUnitOverRestMatchGrpc() {
        BatchGetReachabilityRequest batch = BatchGetReachabilityRequest.newBuilder()
                .addOfficers("officers/" + OFFICER).addOfficers("officers/199901012020011999")
                .setUrgency(Urgency.URGENCY_URGENT).build();
        String body;
        try {
            body = JsonFormat.printer().print(batch);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST("/v1/reachability:batchGet", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(AGENCY), String.class);
        BatchGetReachabilityResponse viaRest = parse(r.body(), BatchGetReachabilityResponse.newBuilder()).build();
        BatchGetReachabilityResponse viaGrpc = ReachabilityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as("desk-1", Role.AGENCY)).batchGetReachability(batch);
        assertEquals(viaGrpc, viaRest);

        ListUnitReachabilityResponse unit = parse(get("/v1/units/u1/reachability?urgency=EMERGENCY&reachableOnly=true",
                AGENCY), ListUnitReachabilityResponse.newBuilder()).build();
        assertEquals(ReachabilityServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as("desk-1", Role.AGENCY))
                .listUnitReachability(ListUnitReachabilityRequest.newBuilder().setUnit("units/u1")
                        .setUrgency(Urgency.URGENCY_EMERGENCY).setReachableOnly(true).build()), unit);
        assertEquals("officers/" + BACKUP, unit.getAnswers(1).getOfficer());
    }

    @Test
    void missingAndBadTokensAre401WithAProblemBody() {
        HttpClientResponseException none = assertThrows(HttpClientResponseException.class,
                () -> get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE", null));
        problem(none, HttpStatus.UNAUTHORIZED, "MISSING_TOKEN");

        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class,
                () -> get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE", "not-a-jwt"));
        problem(bad, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN");
    }

    @Test
    void badInputIs400WithTheSameReasonsAsGrpc() {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> get("/v1/officers/" + OFFICER + "/reachability", AGENCY));
        Struct p = problem(missing, HttpStatus.BAD_REQUEST, "INVALID_ENUM_VALUE");
        assertEquals("urgency", p.getFieldsOrThrow("metadata").getStructValue().getFieldsOrThrow("field")
                .getStringValue());

        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class,
                () -> get("/v1/officers/199901012020011999/reachability?urgency=URGENT", AGENCY));
        problem(unknown, HttpStatus.NOT_FOUND, "OFFICER_NOT_FOUND");

        HttpClientResponseException badTime = assertThrows(HttpClientResponseException.class,
                () -> get("/v1/officers/" + OFFICER + "/reachability?urgency=URGENT&at=tomorrow", AGENCY));
        problem(badTime, HttpStatus.BAD_REQUEST, "INVALID_TIME");
    }

    @Test
    void aBatchBodyThatIsNotTheRequestIs400() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/v1/reachability:batchGet", "{\"officerz\": 1}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(AGENCY), String.class));
        problem(e, HttpStatus.BAD_REQUEST, "INVALID_JSON");
    }

    @Test
    void officersSeeWhoAskedAboutThemAndAgenciesDoNot() {
        get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE", AGENCY);

        ListInquiriesResponse mine = parse(get("/v1/me/inquiries", Tokens.token(OFFICER, Role.OFFICER)),
                ListInquiriesResponse.newBuilder()).build();
        assertEquals(1, mine.getInquiriesCount());
        assertEquals("desk-1", mine.getInquiries(0).getClient());

        HttpClientResponseException agency = assertThrows(HttpClientResponseException.class,
                () -> get("/v1/me/inquiries", AGENCY));
        problem(agency, HttpStatus.FORBIDDEN, "AGENCY_NOT_ALLOWED");
    }

    @Test
    void healthIsOpen() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertEquals(HttpStatus.OK, r.getStatus());
    }
}
