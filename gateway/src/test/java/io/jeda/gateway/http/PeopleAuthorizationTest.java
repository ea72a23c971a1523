package io.jeda.gateway.http;

import io.jeda.policy.v1.PlanState;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every officer and manager endpoint against every kind of caller: an officer, a manager, an agency
 * system, no token and a forged token. Officers and managers use /v1/me for themselves; only
 * managers use /v1/team; agency systems never see either.
 */
class PeopleAuthorizationTest extends PeopleTestBase {

    enum Who { OFFICER, MANAGER, AGENCY, NONE, FORGED }

    private record Endpoint(String method, String path, String body, boolean team) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/v1/me/check-ins", CHECK_IN, false),
            new Endpoint("POST", "/v1/me/check-outs", CHECK_IN.replace("00:05:00Z", "09:00:00Z"), false),
            new Endpoint("GET", "/v1/me/schedule?from=2026-11-23&to=2026-11-27", null, false),
            new Endpoint("GET", "/v1/me/plans", null, false),
            new Endpoint("POST", "/v1/me/plans", "{\"startDate\": {\"year\": 2026, \"month\": 12, \"day\": 1},"
                    + " \"endDate\": {\"year\": 2027, \"month\": 1, \"day\": 31},"
                    + " \"days\": [{\"dayOfWeek\": \"FRIDAY\", \"place\": \"HOME\"}]}", false),
            new Endpoint("GET", "/v1/me/plans/{own}", null, false),
            new Endpoint("POST", "/v1/me/plans/{own}:submit", null, false),
            new Endpoint("GET", "/v1/me/day-exceptions", null, false),
            new Endpoint("POST", "/v1/me/day-exceptions", "{\"date\": {\"year\": 2026, \"month\": 12, \"day\": 4},"
                    + " \"place\": \"HOME\"}", false),
            new Endpoint("GET", "/v1/me/attendance?month=2026-11", null, false),
            new Endpoint("GET", "/v1/me/inquiries", null, false),
            new Endpoint("GET", "/v1/team/inbox", null, true),
            new Endpoint("GET", "/v1/team/board", null, true),
            new Endpoint("POST", "/v1/team/plans/{report}:approve", null, true),
            new Endpoint("POST", "/v1/team/plans/{report}:reject", "{\"reason\": \"belum waktunya\"}", true),
            new Endpoint("POST", "/v1/team/day-exceptions/{exception}:approve", null, true),
            new Endpoint("POST", "/v1/team/day-exceptions/{exception}:reject", "{\"reason\": \"rapat\"}", true));

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Who w : Who.values()) {
                int status;
                String reason;
                switch (w) {
                    case OFFICER -> {
                        status = e.team() ? 403 : 200;
                        reason = e.team() ? "MANAGER_REQUIRED" : null;
                    }
                    case MANAGER -> {
                        status = 200;
                        reason = null;
                    }
                    case AGENCY -> {
                        status = 403;
                        reason = "AGENCY_NOT_ALLOWED";
                    }
                    case NONE -> {
                        status = 401;
                        reason = "MISSING_TOKEN";
                    }
                    default -> {
                        status = 401;
                        reason = "INVALID_TOKEN";
                    }
                }
                out.add(Arguments.of(e, w, status, reason));
            }
        }
        return out.stream();
    }

    /** A token that holds AGENCY besides an officer's role is still an agency system's: /v1/me refuses it. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/v1/me/inquiries", "/v1/me/plans", "/v1/me"})
    void anAgencyTokenWithAnOfficersRoleIsRefusedOnEveryMeRoute(String path) {
        String agencyAndOfficer = io.jeda.testing.Tokens.token(SITI, io.jeda.common.security.Role.AGENCY,
                io.jeda.common.security.Role.OFFICER);
        send(HttpRequest.GET(path), agencyAndOfficer).problem(403, "AGENCY_NOT_ALLOWED");
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void endpointByCaller(Endpoint e, Who who, int status, String reason) {
        String token = switch (who) {
            case OFFICER -> OFFICER_TOKEN;
            case MANAGER -> MANAGER_TOKEN;
            case AGENCY -> AGENCY_TOKEN;
            case NONE -> null;
            case FORGED -> OFFICER_TOKEN.substring(0, OFFICER_TOKEN.length() - 4) + "AAAA";
        };
        // The manager acts for themself on /v1/me: their own plan; on /v1/team: their report Siti's.
        String self = who == Who.MANAGER ? BUDI : SITI;
        if (e.path().contains("check-outs")) {
            ATTENDANCE.checkIn(self, io.jeda.attendance.v1.AttendanceMode.ATTENDANCE_MODE_OFFICE,
                    java.time.Instant.parse("2026-11-25T00:00:00Z"));
        }
        String path = e.path().replace("{own}", POLICY.seedPlan(self, PlanState.PLAN_STATE_DRAFT))
                .replace("{report}", POLICY.seedPlan(SITI, PlanState.PLAN_STATE_SUBMITTED))
                .replace("{exception}", POLICY.seedDayException(SITI));
        MutableHttpRequest<?> req = e.method().equals("GET") ? HttpRequest.GET(path)
                : HttpRequest.POST(path, e.body() == null ? "" : e.body()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "k-" + who);

        Answer a = send(req, token);

        if (reason == null) {
            assertEquals(status, a.status(), a.body());
            assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        } else {
            a.problem(status, reason);
        }
        if (status != 200) {
            assertEquals(List.of(), POLICY.authorizations(), "a refused call is not forwarded");
            assertEquals(List.of(), ATTENDANCE.authorizations(), "a refused call is not forwarded");
        }
    }
}
