package io.jeda.gateway.http;

import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.ApproveStaffRequestRequest;
import io.jeda.policy.v1.CreateStaffRequestRequest;
import io.jeda.policy.v1.ListStaffRequestsResponse;
import io.jeda.policy.v1.StaffRequest;
import io.jeda.policy.v1.StaffRequestKind;
import io.jeda.policy.v1.StaffRequestServiceGrpc;
import io.jeda.policy.v1.StaffRequestState;
import io.jeda.testing.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leave, travel and swap requests through the gateway's REST routes and its gRPC port, against the fake
 * policy-service: each call carries the caller's own token, refusals come back as problem bodies with
 * policy-service's reason, and an approval is seen by reachability at once.
 */
class StaffRequestEndpointsTest extends PeopleTestBase {

    static final String THURSDAY_MORNING = "/v1/officers/" + SITI
            + "/reachability?urgency=ROUTINE&at=2026-11-26T03:00:00Z";
    static final String LEAVE = """
            {"kind": "LEAVE", "startDate": "2026-11-26", "endDate": "2026-11-27", "note": "cuti tahunan"}""";

    Answer create(String token, String key, String body) {
        var req = HttpRequest.POST("/v1/me/requests", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        return send(req, token);
    }

    /** A whole (not degraded) answer, so that Siti's Thursday sits in the gateway's cache. */
    Answer warmReachability() {
        Answer before = get(THURSDAY_MORNING, AGENCY_TOKEN);
        for (int i = 0; i < 5 && !before.body().contains("\"degraded\":false"); i++) {
            before = get(THURSDAY_MORNING, AGENCY_TOKEN);
        }
        assertTrue(before.body().contains("\"degraded\":false"), before.body());
        return before;
    }

    @Test
    void leaveGoesFromTheOfficerToTheManagerAndReachabilityFollowsAtOnce() {
        assertTrue(warmReachability().body().contains("REACHABILITY_STATE_EXPECTED"));

        Answer made = create(OFFICER_TOKEN, "cuti-1", LEAVE);
        assertEquals(200, made.status(), made.body());
        StaffRequest r = made.as(StaffRequest.newBuilder()).build();
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER, r.getState());
        assertEquals("officers/" + SITI, r.getOfficer());
        // A retried submit with the same key is the same request.
        assertEquals(r.getName(), create(OFFICER_TOKEN, "cuti-1", LEAVE).as(StaffRequest.newBuilder()).getName());
        assertEquals(1, get("/v1/me/requests", OFFICER_TOKEN).as(ListStaffRequestsResponse.newBuilder())
                .getStaffRequestsCount());

        ListStaffRequestsResponse inbox = get("/v1/team/requests", MANAGER_TOKEN).as(ListStaffRequestsResponse.newBuilder()).build();
        assertEquals(List.of(r.getName()), inbox.getStaffRequestsList().stream().map(StaffRequest::getName).toList());
        assertEquals(0, get("/v1/team/requests", OTHER_MANAGER_TOKEN).as(ListStaffRequestsResponse.newBuilder())
                .getStaffRequestsCount());

        String id = r.getName().substring("staffRequests/".length());
        post("/v1/team/requests/" + id + ":approve", OTHER_MANAGER_TOKEN, null).problem(403, "NOT_MANAGER");
        Answer approved = post("/v1/team/requests/" + id + ":approve", MANAGER_TOKEN, null);
        assertEquals(200, approved.status(), approved.body());
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_APPROVED, approved.as(StaffRequest.newBuilder()).getState());
        assertEquals("Bearer " + MANAGER_TOKEN, POLICY.authorizations().get(POLICY.authorizations().size() - 1));

        Answer after = get(THURSDAY_MORNING, AGENCY_TOKEN);
        assertTrue(after.body().contains("REACHABILITY_STATE_ON_LEAVE"), after.body());
        post("/v1/team/requests/" + id + ":approve", MANAGER_TOKEN, null).problem(409, "ILLEGAL_TRANSITION");
    }

    @Test
    void anApprovalOnTheGatewaysGrpcPortIsSeenByReachabilityAtOnce() {
        warmReachability();
        var siti = StaffRequestServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(SITI, Role.OFFICER));
        StaffRequest r = siti.createStaffRequest(CreateStaffRequestRequest.newBuilder().setParent("officers/" + SITI)
                .setStaffRequest(StaffRequest.newBuilder().setKind(StaffRequestKind.STAFF_REQUEST_KIND_OFFICIAL_TRAVEL)
                        .setStartDate(date(2026, 11, 26)).setEndDate(date(2026, 11, 26))).build());
        StatusRuntimeException own = assertThrows(StatusRuntimeException.class, () -> siti.approveStaffRequest(
                ApproveStaffRequestRequest.newBuilder().setName(r.getName()).build()));
        assertEquals("OWN_REQUEST", GrpcErrors.reason(own));

        var budi = StaffRequestServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.as(BUDI, Role.OFFICER, Role.MANAGER));
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_APPROVED,
                budi.approveStaffRequest(ApproveStaffRequestRequest.newBuilder().setName(r.getName()).build()).getState());
        assertTrue(get(THURSDAY_MORNING, AGENCY_TOKEN).body().contains("REACHABILITY_STATE_ON_LEAVE"));
    }

    @Test
    void refusalsComeBackAsProblemsWithTheServicesReason() {
        create(OFFICER_TOKEN, null, "{\"startDate\": \"2026-11-26\", \"endDate\": \"2026-11-26\"}")
                .problem(400, "INVALID_ENUM_VALUE");
        create(MANAGER_TOKEN, null, LEAVE).problem(409, "NO_MANAGER");
        create(AGENCY_TOKEN, null, LEAVE).problem(403, "AGENCY_NOT_ALLOWED");
        get("/v1/team/requests", OFFICER_TOKEN).problem(403, "MANAGER_REQUIRED");
        String id = create(OFFICER_TOKEN, null, LEAVE).as(StaffRequest.newBuilder()).getName();
        post("/v1/team/requests/" + id.substring(14) + ":reject", MANAGER_TOKEN, "{}").problem(400, "REASON_REQUIRED");
        Answer rejected = post("/v1/team/requests/" + id.substring(14) + ":reject", MANAGER_TOKEN,
                "{\"reason\": \"Tim sedang audit\"}");
        assertEquals("Tim sedang audit", rejected.as(StaffRequest.newBuilder()).getDecisionReason());
        post("/v1/team/requests/nope:approve", MANAGER_TOKEN, null).problem(404, "STAFF_REQUEST_NOT_FOUND");
    }

    @Test
    void theOtherOfficerAcceptsOrDeclinesASwapAndTheProposerMayCancel() {
        String swap = """
                {"kind": "ONCALL_SWAP", "roster": "rosters/piket", "counterpart": "officers/%s",
                 "firstSlotTime": "2026-11-30T00:00:00Z", "secondSlotTime": "2026-12-01T00:00:00Z"}""".formatted(CITRA);
        String id = create(OFFICER_TOKEN, null, swap).as(StaffRequest.newBuilder()).getName().substring(14);
        post("/v1/me/requests/" + id + ":accept", MANAGER_TOKEN, null).problem(403, "NOT_COUNTERPART");
        // The counterpart sees the proposal among their own requests.
        assertEquals(1, get("/v1/me/requests?state=AWAITING_COUNTERPART", OTHER_MANAGER_TOKEN)
                .as(ListStaffRequestsResponse.newBuilder()).getStaffRequestsCount());
        // A roster that does not need the manager: accepted is approved.
        Answer accepted = post("/v1/me/requests/" + id + ":accept", OTHER_MANAGER_TOKEN, null);
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_APPROVED,
                accepted.as(StaffRequest.newBuilder()).getState());

        String second = create(OFFICER_TOKEN, null, swap).as(StaffRequest.newBuilder()).getName().substring(14);
        Answer declined = post("/v1/me/requests/" + second + ":decline", OTHER_MANAGER_TOKEN, "{\"reason\": \"dinas\"}");
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_DECLINED, declined.as(StaffRequest.newBuilder()).getState());

        String third = create(OFFICER_TOKEN, null, swap).as(StaffRequest.newBuilder()).getName().substring(14);
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_CANCELLED, post("/v1/me/requests/" + third + ":cancel",
                OFFICER_TOKEN, null).as(StaffRequest.newBuilder()).getState());
    }

    static com.google.type.Date date(int y, int m, int d) {
        return com.google.type.Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
    }
}
