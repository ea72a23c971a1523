package io.jeda.gateway;

import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.jeda.gateway.audit.AuditRepository;
import jakarta.inject.Inject;
import io.jeda.common.security.Role;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.Inquiry;
import io.jeda.gateway.v1.InquiryServiceGrpc;
import io.jeda.gateway.v1.ListInquiriesRequest;
import io.jeda.gateway.v1.ListInquiriesResponse;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.ReachabilityState;
import io.jeda.gateway.v1.Urgency;
import io.jeda.testing.Tokens;
import io.grpc.CallCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.jeda.gateway.FakePolicyService.OFFICER;
import static io.jeda.gateway.FakePolicyService.ONCALL;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may ask (gRPC), and the audit trail each answer leaves behind ("who asked about me"). */
class AuthAndAuditTest extends GatewayTestBase {

    @Inject
    AuditRepository repository;

    private static final GetReachabilityRequest ROUTINE = GetReachabilityRequest.newBuilder()
            .setOfficer("officers/" + OFFICER).setUrgency(Urgency.URGENCY_ROUTINE).build();

    private ReachabilityServiceGrpc.ReachabilityServiceBlockingStub reach(CallCredentials c) {
        ReachabilityServiceGrpc.ReachabilityServiceBlockingStub s = ReachabilityServiceGrpc.newBlockingStub(channel);
        return c == null ? s : s.withCallCredentials(c);
    }

    private InquiryServiceGrpc.InquiryServiceBlockingStub inquiries(CallCredentials c) {
        return InquiryServiceGrpc.newBlockingStub(channel).withCallCredentials(c);
    }

    private static ListInquiriesRequest about(String nip) {
        return ListInquiriesRequest.newBuilder().setParent("officers/" + nip).build();
    }

    @Test
    void grpcHealthIsOpenAndServing() {
        HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, r.getStatus());
    }

    @Test
    void theBackgroundWriterAuditsWithoutAnyReaderFlushing() throws InterruptedException {
        reach(Tokens.as("desk-1", Role.AGENCY)).getReachability(ROUTINE);

        long until = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        List<io.jeda.gateway.audit.AuditEntry> rows = List.of();
        while (rows.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
            rows = repository.listByOfficer(OFFICER, java.time.Instant.EPOCH, java.time.Instant.parse("2999-01-01T00:00:00Z"), 10, 0);
        }
        assertEquals(1, rows.size(), "written by the drainer within a few flush intervals");
        assertEquals("desk-1", rows.get(0).clientId());
        assertEquals("ROUTINE", rows.get(0).urgency());
        assertEquals("OFF_DUTY", rows.get(0).state());
    }

    @Test
    void noTokenIsUnauthenticated() {
        assertFails(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN",
                () -> reach(null).getReachability(ROUTINE));
    }

    @Test
    void badTokenIsUnauthenticated() {
        assertFails(Status.Code.UNAUTHENTICATED, "INVALID_TOKEN",
                () -> reach(Tokens.garbage()).getReachability(ROUTINE));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"AGENCY", "SERVICE", "ADMIN", "MANAGER", "OFFICER"})
    void everyAskingRoleMayAskAboutReachability(Role role) {
        assertEquals("officers/" + OFFICER, reach(Tokens.as("someone", role)).getReachability(ROUTINE).getOfficer());
    }

    @Test
    void hrAloneMayNotAskAboutReachability() {
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED",
                () -> reach(Tokens.as("hr-1", Role.HR)).getReachability(ROUTINE));
    }

    @Test
    void agencyAndOtherOfficersMayNotListSomeoneElsesInquiries() {
        assertFails(Status.Code.PERMISSION_DENIED, "AGENCY_NOT_ALLOWED",
                () -> inquiries(Tokens.as("desk-1", Role.AGENCY)).listInquiries(about(OFFICER)));
        for (CallCredentials c : List.of(Tokens.as(ONCALL, Role.OFFICER),
                Tokens.as(ONCALL, Role.MANAGER), Tokens.as("gateway-2", Role.SERVICE))) {
            assertFails(Status.Code.PERMISSION_DENIED, "NOT_OWN_INQUIRIES",
                    () -> inquiries(c).listInquiries(about(OFFICER)));
        }
    }

    @Test
    void aTokenHoldingAgencyBesidesOfficerMayNotListInquiries() {
        assertFails(Status.Code.PERMISSION_DENIED, "AGENCY_NOT_ALLOWED",
                () -> inquiries(Tokens.as(OFFICER, Role.AGENCY, Role.OFFICER)).listInquiries(about(OFFICER)));
    }

    @Test
    void everyAnswerIsAuditedAndTheOfficerSeesWhoAskedNewestFirst() {
        // attendance-service fails, so the audit has degraded answers to record.
        ATTENDANCE.mode = FaultMode.FAILING;
        reach(Tokens.as("desk-1", Role.AGENCY)).getReachability(ROUTINE);
        reach(Tokens.as("chatbot-7", Role.AGENCY)).getReachability(ROUTINE.toBuilder()
                .setUrgency(Urgency.URGENCY_EMERGENCY).build());
        reach(Tokens.as("desk-1", Role.AGENCY)).getReachability(ROUTINE.toBuilder()
                .setOfficer("officers/" + ONCALL).build());

        ListInquiriesResponse mine = inquiries(Tokens.as(OFFICER, Role.OFFICER)).listInquiries(about(OFFICER));

        assertEquals(2, mine.getInquiriesCount(), "only the asks about this officer");
        Inquiry newest = mine.getInquiries(0);
        assertEquals("chatbot-7", newest.getClient());
        assertEquals(Urgency.URGENCY_EMERGENCY, newest.getUrgency());
        assertEquals(ReachabilityState.REACHABILITY_STATE_OFF_DUTY, newest.getState());
        assertFalse(newest.getReachable());
        assertTrue(newest.getDegraded());
        assertEquals("desk-1", mine.getInquiries(1).getClient());
        assertEquals(Urgency.URGENCY_ROUTINE, mine.getInquiries(1).getUrgency());

        ListInquiriesResponse byAdmin = inquiries(Tokens.as("admin-1", Role.ADMIN)).listInquiries(about(OFFICER));
        assertEquals(mine, byAdmin);
    }

    @Test
    void inquiriesArePaginated() {
        for (int i = 0; i < 3; i++) {
            reach(Tokens.as("desk-" + i, Role.AGENCY)).getReachability(ROUTINE);
        }
        InquiryServiceGrpc.InquiryServiceBlockingStub me = inquiries(Tokens.as(OFFICER, Role.OFFICER));

        ListInquiriesResponse first = me.listInquiries(about(OFFICER).toBuilder().setPageSize(2).build());
        ListInquiriesResponse second = me.listInquiries(about(OFFICER).toBuilder().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());

        assertEquals(List.of("desk-2", "desk-1"), first.getInquiriesList().stream().map(Inquiry::getClient).toList());
        assertEquals(List.of("desk-0"), second.getInquiriesList().stream().map(Inquiry::getClient).toList());
        assertEquals("", second.getNextPageToken());
    }

    @Test
    void everyAnswerOfABatchIsAudited() {
        reach(Tokens.as("desk-1", Role.AGENCY)).batchGetReachability(
                io.jeda.gateway.v1.BatchGetReachabilityRequest.newBuilder().addOfficers("officers/" + OFFICER)
                        .addOfficers("officers/" + ONCALL).setUrgency(Urgency.URGENCY_URGENT).build());

        assertEquals(1, inquiries(Tokens.as(OFFICER, Role.OFFICER)).listInquiries(about(OFFICER)).getInquiriesCount());
        ListInquiriesResponse onCall = inquiries(Tokens.as(ONCALL, Role.OFFICER)).listInquiries(about(ONCALL));
        assertEquals(1, onCall.getInquiriesCount());
        assertTrue(onCall.getInquiries(0).getReachable());
        assertEquals(ReachabilityState.REACHABILITY_STATE_ON_CALL, onCall.getInquiries(0).getState());
    }
}
