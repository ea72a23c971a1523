package io.jeda.gateway;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.common.security.Caller;
import io.jeda.common.security.Role;
import io.jeda.common.security.TokenService;
import io.jeda.gateway.v1.BatchGetReachabilityRequest;
import io.jeda.gateway.v1.BatchGetReachabilityResponse;
import io.jeda.gateway.v1.GetReachabilityRequest;
import io.jeda.gateway.v1.ListUnitReachabilityRequest;
import io.jeda.gateway.v1.ListUnitReachabilityResponse;
import io.jeda.gateway.v1.Reachability;
import io.jeda.gateway.v1.ReachabilityServiceGrpc;
import io.jeda.gateway.v1.ReachabilityState;
import io.jeda.gateway.v1.Urgency;
import io.jeda.gateway.v1.WorkLocation;
import io.jeda.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.jeda.gateway.FakePolicyService.BACKUP;
import static io.jeda.gateway.FakePolicyService.OFFICER;
import static io.jeda.gateway.FakePolicyService.ONCALL;
import static io.jeda.gateway.FakePolicyService.SUB_OFFICER;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reachability API over gRPC against the fake policy-service at night and by day. */
class ReachabilityGrpcTest extends GatewayTestBase {

    @Inject
    TokenService tokenService;

    private ReachabilityServiceGrpc.ReachabilityServiceBlockingStub agency() {
        return ReachabilityServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as("desk-1", Role.AGENCY));
    }

    static Timestamp ts(String instant) {
        Instant i = Instant.parse(instant);
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private Reachability ask(String nip, Urgency u) {
        return agency().getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + nip)
                .setUrgency(u).build());
    }

    @Test
    void routineAtNightIsNotReachableUntilTomorrowMorning() {
        Reachability r = ask(OFFICER, Urgency.URGENCY_ROUTINE);

        assertEquals("officers/" + OFFICER, r.getOfficer());
        assertEquals("Siti Rahma", r.getDisplayName());
        assertEquals("Asia/Jakarta", r.getTimeZone());
        assertEquals(ReachabilityState.REACHABILITY_STATE_OFF_DUTY, r.getState());
        assertFalse(r.getReachable());
        // Thursday 07:30 WIB.
        assertEquals(ts("2026-11-26T00:30:00Z"), r.getNextReachableAt());
        // By the end of the next working day: Thursday 16:00 WIB.
        assertEquals(ts("2026-11-26T09:00:00Z"), r.getRespondBy());
        assertFalse(r.hasContactInstead(), "ROUTINE waits; nobody on call is a ROUTINE contact");
        assertEquals(ts("2026-11-25T15:00:00Z"), r.getAsOf());
        // Both services answered.
        assertFalse(r.getDegraded());
        assertEquals(List.of(), r.getDegradedSourcesList());
        assertFalse(r.getReasonsList().isEmpty());
    }

    @Test
    void emergencyAtNightNamesTheOnCallOfficerInstead() {
        Reachability r = ask(OFFICER, Urgency.URGENCY_EMERGENCY);

        assertFalse(r.getReachable());
        Reachability c = r.getContactInstead();
        assertEquals("officers/" + ONCALL, c.getOfficer());
        assertEquals("Budi Santoso", c.getDisplayName());
        assertEquals(ReachabilityState.REACHABILITY_STATE_ON_CALL, c.getState());
        assertTrue(c.getReachable());
        assertFalse(c.hasContactInstead());
    }

    @Test
    void emergencyAtNightSkipsAnOnCallOfficerOnLeaveForTheBackup() {
        POLICY.onLeave(ONCALL, LocalDate.of(2026, 11, 25));

        Reachability r = ask(OFFICER, Urgency.URGENCY_EMERGENCY);

        assertEquals("officers/" + BACKUP, r.getContactInstead().getOfficer());
        assertTrue(r.getContactInstead().getReachable());
    }

    @Test
    void routineInsideWorkingHoursIsReachableAtTheOffice() {
        Reachability r = agency().getReachability(GetReachabilityRequest.newBuilder()
                .setOfficer("officers/" + OFFICER).setUrgency(Urgency.URGENCY_ROUTINE)
                .setTime(ts("2026-11-26T03:00:00Z")).build());

        assertTrue(r.getReachable());
        // Not checked in: expected at the office by the schedule, not known to be there.
        assertEquals(ReachabilityState.REACHABILITY_STATE_EXPECTED, r.getState());
        assertEquals(WorkLocation.WORK_LOCATION_OFFICE, r.getWorkLocation());
        assertFalse(r.hasNextReachableAt());
        assertFalse(r.getDegraded());
    }

    @Test
    void officerCheckedInInsideWorkingHoursIsAvailableWhereTheyCheckedIn() {
        // Checked in from home at 07:40 WIB on Thursday; asked at 10:00 WIB.
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_HOME, Instant.parse("2026-11-26T00:40:00Z"));

        Reachability r = agency().getReachability(GetReachabilityRequest.newBuilder()
                .setOfficer("officers/" + OFFICER).setUrgency(Urgency.URGENCY_EMERGENCY)
                .setTime(ts("2026-11-26T03:00:00Z")).build());

        assertEquals(ReachabilityState.REACHABILITY_STATE_AVAILABLE, r.getState());
        assertTrue(r.getReachable(), "checked in inside working hours: an EMERGENCY reaches them");
        assertFalse(r.hasContactInstead());
        assertEquals(WorkLocation.WORK_LOCATION_HOME, r.getWorkLocation());
        assertFalse(r.getDegraded());
        assertEquals(List.of(), r.getDegradedSourcesList());
    }

    @Test
    void notCheckedInInsideWorkingHoursSendsAnEmergencyToWhoeverIsOnCall() {
        ATTENDANCE.checkIn(ONCALL, AttendanceMode.ATTENDANCE_MODE_OFFICE, Instant.parse("2026-11-26T00:35:00Z"));

        Reachability r = agency().getReachability(GetReachabilityRequest.newBuilder()
                .setOfficer("officers/" + OFFICER).setUrgency(Urgency.URGENCY_EMERGENCY)
                .setTime(ts("2026-11-26T03:00:00Z")).build());

        assertEquals(ReachabilityState.REACHABILITY_STATE_EXPECTED, r.getState());
        assertFalse(r.getReachable(), "an EMERGENCY needs the officer checked in");
        assertFalse(r.getDegraded());
        assertTrue(r.hasContactInstead());
        assertEquals(ReachabilityState.REACHABILITY_STATE_AVAILABLE, r.getContactInstead().getState());
    }

    @Test
    void attendanceServiceIsCalledWithTheGatewaysOwnServiceIdentityAndCached() {
        ask(OFFICER, Urgency.URGENCY_ROUTINE);
        int calls = ATTENDANCE.authorizations.size();

        ask(OFFICER, Urgency.URGENCY_ROUTINE);

        assertTrue(calls > 0);
        assertEquals(calls, ATTENDANCE.authorizations.size(), "the second answer made no call to attendance-service");
        for (String header : ATTENDANCE.authorizations) {
            assertTrue(header.startsWith("Bearer "), header);
            Caller c = tokenService.verify(header.substring(7));
            assertEquals("gateway", c.subject());
            assertTrue(c.has(Role.SERVICE));
        }
    }

    @Test
    void manyQuestionsAboutOneOfficerAtOnceShareOneAttendanceRead() throws Exception {
        ATTENDANCE.checkIn(OFFICER, AttendanceMode.ATTENDANCE_MODE_OFFICE, Instant.parse("2026-11-26T00:35:00Z"));
        ATTENDANCE.statusLatency = Duration.ofMillis(150);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reachability>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return agency().getReachability(GetReachabilityRequest.newBuilder()
                            .setOfficer("officers/" + OFFICER).setUrgency(Urgency.URGENCY_ROUTINE)
                            .setTime(ts("2026-11-26T03:00:00Z")).build());
                }));
            }
            go.countDown();
            for (Future<Reachability> a : answers) {
                Reachability r = a.get(10, TimeUnit.SECONDS);
                assertEquals(ReachabilityState.REACHABILITY_STATE_AVAILABLE, r.getState());
                assertFalse(r.getDegraded(), "every answer has the officer's attendance");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ATTENDANCE.singleCalls(), "one read of the status served all twelve questions");
    }

    @Test
    void batchReadsAttendanceForAllItsOfficersInOneCall() {
        ATTENDANCE.checkIn(BACKUP, AttendanceMode.ATTENDANCE_MODE_OFFICE, Instant.parse("2026-11-26T00:35:00Z"));

        BatchGetReachabilityResponse r = agency().batchGetReachability(BatchGetReachabilityRequest.newBuilder()
                .addOfficers("officers/" + OFFICER).addOfficers("officers/" + ONCALL)
                .addOfficers("officers/" + BACKUP).setUrgency(Urgency.URGENCY_ROUTINE)
                .setTime(ts("2026-11-26T03:00:00Z")).build());

        assertEquals(List.of(ReachabilityState.REACHABILITY_STATE_EXPECTED,
                        ReachabilityState.REACHABILITY_STATE_EXPECTED, ReachabilityState.REACHABILITY_STATE_AVAILABLE),
                r.getAnswersList().stream().map(Reachability::getState).toList());
        assertEquals(1, ATTENDANCE.batchCalls.get());
        assertEquals(0, ATTENDANCE.singleCalls.get(), "no officer of the batch was asked about again");
    }

    /** A NIP that is well formed but names nobody. */
    private static final String UNKNOWN = "199901012020011999";

    @Test
    void unknownOfficerIsNotFound() {
        assertFails(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND", () -> ask(UNKNOWN, Urgency.URGENCY_ROUTINE));
    }

    @Test
    void aMalformedNipIsInvalidNamingThePartThatIsWrongNeverNotFound() {
        record Case(String nip, String part) {
        }
        for (Case c : List.of(new Case("19800101200001100", "LENGTH"), new Case("19800101200001100X", "DIGITS"),
                new Case("198002302000011001", "BIRTH_DATE"), new Case("198001012000131001", "APPOINTMENT_MONTH"),
                new Case("198001011990011001", "APPOINTMENT_MONTH"), new Case("198001012000013001", "GENDER"),
                new Case("198001012000011000", "SEQUENCE"))) {
            var f = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NIP", () -> ask(c.nip(), Urgency.URGENCY_ROUTINE));
            assertEquals(c.part(), f.metadata("part"), c.toString());
        }
    }

    @Test
    void badInputIsRejectedWithAReason() {
        var unspecified = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_ENUM_VALUE",
                () -> ask(OFFICER, Urgency.URGENCY_UNSPECIFIED));
        unspecified.hasMetadata("field", "urgency");

        var badName = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME",
                () -> agency().getReachability(GetReachabilityRequest.newBuilder().setOfficer(OFFICER)
                        .setUrgency(Urgency.URGENCY_ROUTINE).build()));
        badName.hasMetadata("field", "officer");

        assertFails(Status.Code.INVALID_ARGUMENT, "TIME_OUT_OF_RANGE",
                () -> agency().getReachability(GetReachabilityRequest.newBuilder().setOfficer("officers/" + OFFICER)
                        .setUrgency(Urgency.URGENCY_ROUTINE).setTime(ts("2027-06-01T00:00:00Z")).build()));
    }

    @Test
    void batchAnswersInRequestOrderAndListsTheUnknown() {
        BatchGetReachabilityResponse r = agency().batchGetReachability(BatchGetReachabilityRequest.newBuilder()
                .addOfficers("officers/" + ONCALL).addOfficers("officers/" + UNKNOWN)
                .addOfficers("officers/" + OFFICER).setUrgency(Urgency.URGENCY_URGENT).build());

        assertEquals(List.of("officers/" + ONCALL, "officers/" + OFFICER),
                r.getAnswersList().stream().map(Reachability::getOfficer).toList());
        assertEquals(List.of("officers/" + UNKNOWN), r.getNotFoundList());
        assertTrue(r.getAnswers(0).getReachable(), "on call: URGENT reaches them");
        assertFalse(r.getAnswers(1).getReachable());
        assertEquals("officers/" + ONCALL, r.getAnswers(1).getContactInstead().getOfficer());
    }

    @Test
    void batchOfMoreThan500IsRejected() {
        BatchGetReachabilityRequest.Builder b = BatchGetReachabilityRequest.newBuilder()
                .setUrgency(Urgency.URGENCY_ROUTINE);
        IntStream.range(0, 501).forEach(i -> b.addOfficers("officers/1990" + i));
        assertFails(Status.Code.INVALID_ARGUMENT, "BATCH_SIZE_OUT_OF_RANGE", () -> agency().batchGetReachability(b.build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "BATCH_SIZE_OUT_OF_RANGE",
                () -> agency().batchGetReachability(BatchGetReachabilityRequest.newBuilder()
                        .setUrgency(Urgency.URGENCY_ROUTINE).build()));
    }

    @Test
    void unitListingPagesByNipAndFiltersReachable() {
        ListUnitReachabilityRequest.Builder req = ListUnitReachabilityRequest.newBuilder().setUnit("units/u1")
                .setUrgency(Urgency.URGENCY_EMERGENCY).setPageSize(2);
        ListUnitReachabilityResponse first = agency().listUnitReachability(req.build());
        assertEquals(List.of("officers/" + OFFICER, "officers/" + ONCALL),
                first.getAnswersList().stream().map(Reachability::getOfficer).toList());
        assertFalse(first.getAnswers(0).hasContactInstead(), "lists leave contact_instead out");
        assertFalse(first.getNextPageToken().isEmpty());
        ListUnitReachabilityResponse second = agency().listUnitReachability(
                req.setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of("officers/" + BACKUP),
                second.getAnswersList().stream().map(Reachability::getOfficer).toList());
        assertEquals("", second.getNextPageToken());

        ListUnitReachabilityResponse reachable = agency().listUnitReachability(ListUnitReachabilityRequest.newBuilder()
                .setUnit("units/u1").setUrgency(Urgency.URGENCY_EMERGENCY).setReachableOnly(true)
                .setIncludeSubUnits(true).build());
        // At night only the roster's primary and backup are reachable for an emergency.
        assertEquals(List.of("officers/" + ONCALL, "officers/" + BACKUP),
                reachable.getAnswersList().stream().map(Reachability::getOfficer).toList());

        ListUnitReachabilityResponse withSub = agency().listUnitReachability(ListUnitReachabilityRequest.newBuilder()
                .setUnit("units/u1").setUrgency(Urgency.URGENCY_ROUTINE).setIncludeSubUnits(true).build());
        assertEquals(List.of("officers/" + OFFICER, "officers/" + ONCALL, "officers/" + BACKUP,
                        "officers/" + SUB_OFFICER),
                withSub.getAnswersList().stream().map(Reachability::getOfficer).toList());
    }

    @Test
    void unitListingRejectsBadNamesAndTokens() {
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME",
                () -> agency().listUnitReachability(ListUnitReachabilityRequest.newBuilder().setUnit("u1")
                        .setUrgency(Urgency.URGENCY_ROUTINE).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PAGE_TOKEN",
                () -> agency().listUnitReachability(ListUnitReachabilityRequest.newBuilder().setUnit("units/u1")
                        .setUrgency(Urgency.URGENCY_ROUTINE).setPageToken("forged").build()));

        // A token is tied to the request that made it: reused with another urgency it is refused.
        String token = agency().listUnitReachability(ListUnitReachabilityRequest.newBuilder().setUnit("units/u1")
                .setUrgency(Urgency.URGENCY_EMERGENCY).setPageSize(1).build()).getNextPageToken();
        assertFalse(token.isEmpty());
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PAGE_TOKEN",
                () -> agency().listUnitReachability(ListUnitReachabilityRequest.newBuilder().setUnit("units/u1")
                        .setUrgency(Urgency.URGENCY_ROUTINE).setPageSize(1).setPageToken(token).build()));
    }

    @Test
    void policyServiceIsCalledWithTheGatewaysOwnServiceIdentity() {
        ask(OFFICER, Urgency.URGENCY_ROUTINE);

        assertFalse(POLICY.authorizations.isEmpty());
        for (String header : POLICY.authorizations) {
            assertTrue(header.startsWith("Bearer "), header);
            Caller c = tokenService.verify(header.substring(7));
            assertEquals("gateway", c.subject());
            assertTrue(c.has(Role.SERVICE));
        }
    }

    @Test
    void answersComeFromTheCacheOnceRead() {
        ask(OFFICER, Urgency.URGENCY_ROUTINE);
        int calls = POLICY.authorizations.size();

        ask(OFFICER, Urgency.URGENCY_ROUTINE);

        assertEquals(calls, POLICY.authorizations.size(), "the second answer made no call to policy-service");
    }
}
