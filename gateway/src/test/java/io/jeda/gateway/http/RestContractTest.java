package io.jeda.gateway.http;

import com.google.protobuf.Struct;
import io.jeda.gateway.TestClockFactory;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.Urgency;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One REST style on every route: every error is a problem with a reason (also those Micronaut answers
 * by itself), 401 carries a challenge, a malformed NIP names its wrong part, an unencoded '+' is
 * explained, enum values and officers are written the same way in bodies as in paths and queries.
 */
class RestContractTest extends PeopleTestBase {

    private static final String OFFICER = SITI;

    @Test
    void anUnknownPathIsA404Problem() {
        get("/v1/nowhere", AGENCY_TOKEN).problem(404, "PATH_NOT_FOUND");
        get("/nowhere", null).problem(404, "PATH_NOT_FOUND");
    }

    @Test
    void aWrongMethodIsA405Problem() {
        Answer a = send(HttpRequest.DELETE("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE"), AGENCY_TOKEN);
        a.problem(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aBodyOfAnotherTypeIsA415Problem() {
        Answer a = send(HttpRequest.POST("/v1/reachability:batchGet", "officers=1").contentType(MediaType.TEXT_PLAIN_TYPE),
                AGENCY_TOKEN);
        a.problem(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBodyTooLargeIsA413Problem() {
        String huge = "{\"officers\": [\"" + "9".repeat(1_200_000) + "\"]}";
        post("/v1/reachability:batchGet", AGENCY_TOKEN, huge).problem(413, "REQUEST_TOO_LARGE");
    }

    @Test
    void a401CarriesAChallenge() {
        Answer none = get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE", null);
        none.problem(401, "MISSING_TOKEN");
        Answer forged = get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE", "not-a-jwt");
        forged.problem(401, "INVALID_TOKEN");
        assertEquals("Bearer realm=\"jeda\"", challenge(null));
        assertEquals("Bearer realm=\"jeda\", error=\"invalid_token\"", challenge("not-a-jwt"));
    }

    private String challenge(String token) {
        var req = HttpRequest.GET("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE");
        if (token != null) {
            req.bearerAuth(token);
        }
        try {
            http.toBlocking().exchange(req, String.class);
            throw new AssertionError("expected 401");
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getResponse().getHeaders().get("WWW-Authenticate");
        }
    }

    @Test
    void aMalformedNipIsA400NamingItsWrongPart() {
        Struct p = get("/v1/officers/198002302000011001/reachability?urgency=ROUTINE", AGENCY_TOKEN)
                .problem(400, "INVALID_NIP");
        assertEquals("BIRTH_DATE", p.getFieldsOrThrow("metadata").getStructValue().getFieldsOrThrow("part")
                .getStringValue());
        get("/v1/officers/198001012000013001/reachability?urgency=ROUTINE", AGENCY_TOKEN).problem(400, "INVALID_NIP");
        get("/v1/officers/12345/reachability?urgency=ROUTINE", AGENCY_TOKEN).problem(400, "INVALID_NIP");
    }

    @Test
    void anUnencodedPlusInTheTimeIsExplained() {
        Struct p = get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE&at=2026-11-26T10:00:00+07:00",
                AGENCY_TOKEN).problem(400, "INVALID_TIME");
        assertTrue(p.getFieldsOrThrow("detail").getStringValue().contains("%2B"), p.toString());

        Answer encoded = get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE&at=2026-11-26T10:00:00%2B07:00",
                AGENCY_TOKEN);
        assertEquals(200, encoded.status(), encoded.body());
        assertEquals(Instant.parse("2026-11-26T03:00:00Z").getEpochSecond(),
                encoded.as(Reachability.newBuilder()).getAsOf().getSeconds());
    }

    @Test
    void anAnswerSaysWhichInstantItIsAboutAndWhenItWasMade() {
        Reachability r = get("/v1/officers/" + OFFICER + "/reachability?urgency=ROUTINE&at=2026-11-26T03:00:00Z",
                AGENCY_TOKEN).as(Reachability.newBuilder()).build();

        assertEquals(Instant.parse("2026-11-26T03:00:00Z").getEpochSecond(), r.getAsOf().getSeconds());
        assertEquals(TestClockFactory.NOW.getEpochSecond(), r.getComputedAt().getSeconds());
    }

    @Test
    void theBatchBodyTakesEnumValuesAndOfficersAsPathsAndQueriesDo() {
        Answer a = post("/v1/reachability:batchGet", AGENCY_TOKEN,
                "{\"officers\": [\"" + OFFICER + "\", \"officers/" + SITI + "\"], \"urgency\": \"URGENT\","
                        + " \"time\": \"2026-11-26T03:00:00Z\"}");

        assertEquals(200, a.status(), a.body());
        BatchGetReachabilityResponse r = a.as(BatchGetReachabilityResponse.newBuilder()).build();
        assertEquals(1, r.getAnswersCount(), "the same officer named twice is answered once");
        assertEquals("officers/" + OFFICER, r.getAnswers(0).getOfficer());
        assertEquals(Urgency.URGENCY_URGENT, r.getAnswers(0).getUrgency());
        assertTrue(a.body().contains("\"notFound\":[]"), a.body());
    }
}
