package io.jeda.policy;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.AcceptStaffRequestRequest;
import io.jeda.policy.v1.ApproveStaffRequestRequest;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.CancelStaffRequestRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.CreateStaffRequestRequest;
import io.jeda.policy.v1.DeclineStaffRequestRequest;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.ListAbsencesRequest;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListStaffRequestsRequest;
import io.jeda.policy.v1.OnCallSlot;
import io.jeda.policy.v1.RejectStaffRequestRequest;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.ScheduleReason;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.policy.v1.StaffRequest;
import io.jeda.policy.v1.StaffRequestKind;
import io.jeda.policy.v1.StaffRequestServiceGrpc;
import io.jeda.policy.v1.StaffRequestState;
import io.jeda.testing.Tokens;
import io.jeda.policy.domain.changes.ChangeEvent;
import io.jeda.policy.persistence.ChangeEventRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leave, travel and on-call swap requests through real stubs on the real database: the officer asks,
 * the other officer accepts a swap, the manager decides, and the effective schedule and the roster's
 * slots change at once. The clock is Monday 2 March 2026, 08:00 WIB.
 */
class StaffRequestEndpointTest extends PlanEndpointTestBase {

    @Inject
    ChangeEventRepository outbox;

    /** What the change feed carries after {@code seq}: every replica's caches drop these. */
    List<ChangeEvent> changesAfter(long seq) {
        return outbox.after(seq, 1000);
    }

    /** Monday 9 March 2026 00:00 WIB; the roster's 8-hour turns run OFFICER, COLLEAGUE, OUTSIDER, ... */
    static final Instant ROSTER_START = Instant.parse("2026-03-08T17:00:00Z");

    StaffRequestServiceGrpc.StaffRequestServiceBlockingStub requestsAs(String subject, Role... roles) {
        return StaffRequestServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    StaffRequest leave(String nip, LocalDate from, LocalDate to, String key) {
        return requestsAs(nip, Role.OFFICER).createStaffRequest(CreateStaffRequestRequest.newBuilder()
                .setParent("officers/" + nip).setRequestId(key).setStaffRequest(StaffRequest.newBuilder()
                        .setKind(StaffRequestKind.STAFF_REQUEST_KIND_LEAVE).setStartDate(date(from))
                        .setEndDate(date(to)).setNote("cuti tahunan")).build());
    }

    static void fails(Status.Code code, String reason, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getMessage());
        assertEquals(reason, GrpcErrors.reason(e), e.getMessage());
    }

    ApproveStaffRequestRequest approve(StaffRequest r) {
        return ApproveStaffRequestRequest.newBuilder().setName(r.getName()).build();
    }

    // ------------------------------------------------------------------ leave and travel

    @Test
    void approvedLeaveIsAnAbsenceAndTheScheduleFollowsAtOnce() {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        StaffRequest asked = leave(OFFICER, tue, tue.plusDays(1), "k-1");
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER, asked.getState());
        assertTrue(asked.getNeedsManagerApproval());
        // A retried submit returns the first request and stores nothing new.
        assertEquals(asked.getName(), leave(OFFICER, tue, tue.plusDays(1), "k-1").getName());
        var inbox = requestsAs(MANAGER, Role.MANAGER).listStaffRequests(ListStaffRequestsRequest.newBuilder()
                .setParent("officers/-").setState(StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER).build());
        assertEquals(List.of(asked.getName()), inbox.getStaffRequestsList().stream().map(StaffRequest::getName).toList());
        assertEquals("Officer " + OFFICER, inbox.getStaffRequests(0).getOfficerDisplayName());

        var schedules = ScheduleServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(OFFICER, Role.OFFICER));
        GetEffectiveScheduleRequest tuesday = GetEffectiveScheduleRequest.newBuilder()
                .setOfficer("officers/" + OFFICER).setDate(date(tue)).build();
        assertTrue(schedules.getEffectiveSchedule(tuesday).getWorking());

        // Nobody decides their own request; a manager of another unit cannot decide it.
        fails(Status.Code.PERMISSION_DENIED, "OWN_REQUEST", () -> requestsAs(OFFICER, Role.OFFICER).approveStaffRequest(approve(asked)));
        fails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER", () -> requestsAs(OTHER_MANAGER, Role.MANAGER).approveStaffRequest(approve(asked)));

        long seq = outbox.newest();
        StaffRequest approved = requestsAs(MANAGER, Role.MANAGER).approveStaffRequest(approve(asked));
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_APPROVED, approved.getState());
        // Other replicas' caches hear of the leave through the change feed.
        assertTrue(changesAfter(seq).stream().anyMatch(e -> OFFICER.equals(e.officerNip())), changesAfter(seq).toString());
        assertTrue(approved.getAbsence().startsWith("officers/" + OFFICER + "/absences/"));
        assertEquals("officers/" + MANAGER, approved.getDecidedBy());
        var day = schedules.getEffectiveSchedule(tuesday);
        assertFalse(day.getWorking());
        assertEquals(ScheduleReason.SCHEDULE_REASON_LEAVE, day.getReason());

        fails(Status.Code.FAILED_PRECONDITION, "ILLEGAL_TRANSITION", () -> requestsAs(MANAGER, Role.MANAGER).approveStaffRequest(approve(asked)));
        assertEquals(1, absences(OFFICER));
    }

    @Test
    void twoApprovalsAtOnceRecordOneAbsence() throws Exception {
        StaffRequest asked = leave(OFFICER, LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 13), "");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Boolean> c = () -> {
                    try {
                        requestsAs(MANAGER, Role.MANAGER).approveStaffRequest(approve(asked));
                        return true;
                    } catch (StatusRuntimeException e) {
                        assertEquals("ILLEGAL_TRANSITION", GrpcErrors.reason(e), e.getMessage());
                        return false;
                    }
                };
                outcomes.add(pool.submit(c));
            }
            int won = 0;
            for (Future<Boolean> f : outcomes) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, absences(OFFICER));
    }

    @Test
    void leaveRulesRefuseWithReasons() {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        leave(OFFICER, tue, tue.plusDays(2), "");
        fails(Status.Code.FAILED_PRECONDITION, "ABSENCE_OVERLAPS", () -> leave(OFFICER, tue.plusDays(2), tue.plusDays(4), ""));
        fails(Status.Code.INVALID_ARGUMENT, "INVALID_DATE_RANGE", () -> leave(COLLEAGUE, tue, tue.minusDays(1), ""));
        fails(Status.Code.INVALID_ARGUMENT, "DATE_IN_PAST", () -> leave(COLLEAGUE, LocalDate.of(2026, 3, 1), tue, ""));
        fails(Status.Code.INVALID_ARGUMENT, "DATE_TOO_FAR", () -> leave(COLLEAGUE, LocalDate.of(2027, 3, 3), LocalDate.of(2027, 3, 4), ""));
        fails(Status.Code.INVALID_ARGUMENT, "ABSENCE_TOO_LONG", () -> leave(COLLEAGUE, tue, tue.plusDays(90), ""));
        fails(Status.Code.FAILED_PRECONDITION, "NO_MANAGER", () -> leave(MANAGER, tue, tue, ""));
        fails(Status.Code.INVALID_ARGUMENT, "INVALID_ENUM_VALUE", () -> requestsAs(COLLEAGUE, Role.OFFICER)
                .createStaffRequest(CreateStaffRequestRequest.newBuilder().setParent("officers/" + COLLEAGUE)
                        .setStaffRequest(StaffRequest.newBuilder().setStartDate(date(tue)).setEndDate(date(tue))).build()));
        // An officer asks only for themself.
        fails(Status.Code.PERMISSION_DENIED, "NOT_OWNER", () -> requestsAs(COLLEAGUE, Role.OFFICER)
                .createStaffRequest(CreateStaffRequestRequest.newBuilder().setParent("officers/" + OFFICER)
                        .setStaffRequest(StaffRequest.newBuilder().setKind(StaffRequestKind.STAFF_REQUEST_KIND_OFFICIAL_TRAVEL)
                                .setStartDate(date(tue)).setEndDate(date(tue))).build()));
    }

    @Test
    void rejectedOrCancelledLeaveFreesItsDates() {
        LocalDate tue = LocalDate.of(2026, 3, 10);
        StaffRequest asked = leave(OFFICER, tue, tue, "");
        fails(Status.Code.INVALID_ARGUMENT, "REASON_REQUIRED", () -> requestsAs(MANAGER, Role.MANAGER)
                .rejectStaffRequest(RejectStaffRequestRequest.newBuilder().setName(asked.getName()).build()));
        StaffRequest rejected = requestsAs(MANAGER, Role.MANAGER).rejectStaffRequest(RejectStaffRequestRequest
                .newBuilder().setName(asked.getName()).setReason("rapat anggaran hari itu").build());
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_REJECTED, rejected.getState());
        assertEquals("rapat anggaran hari itu", rejected.getDecisionReason());
        StaffRequest again = leave(OFFICER, tue, tue, "");
        fails(Status.Code.PERMISSION_DENIED, "NOT_OWNER", () -> requestsAs(COLLEAGUE, Role.OFFICER)
                .cancelStaffRequest(CancelStaffRequestRequest.newBuilder().setName(again.getName()).build()));
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_CANCELLED, requestsAs(OFFICER, Role.OFFICER)
                .cancelStaffRequest(CancelStaffRequestRequest.newBuilder().setName(again.getName()).build()).getState());
        fails(Status.Code.FAILED_PRECONDITION, "ILLEGAL_TRANSITION", () -> requestsAs(MANAGER, Role.MANAGER).approveStaffRequest(approve(again)));
        assertEquals(0, absences(OFFICER));
        leave(OFFICER, tue, tue, "");
    }

    // ------------------------------------------------------------------ on-call swaps

    RosterServiceGrpc.RosterServiceBlockingStub rosterAdmin() {
        return RosterServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(ADMIN, Role.ADMIN));
    }

    /** OFFICER, COLLEAGUE, OUTSIDER in 8-hour turns: 56 hours each a week, exactly the cap. */
    void roster(boolean needsApproval) {
        Roster.Builder r = Roster.newBuilder().setDisplayName("Piket Pengaduan").setUnit("units/biro-umum")
                .setTurnHours(8).setStartTime(ts(ROSTER_START)).setSwapNeedsApproval(needsApproval);
        for (String nip : List.of(OFFICER, COLLEAGUE, OUTSIDER)) {
            r.addMembers(RosterMember.newBuilder().setOfficer("officers/" + nip));
        }
        Roster created = rosterAdmin().createRoster(CreateRosterRequest.newBuilder().setRosterId("pengaduan").setRoster(r).build());
        assertEquals(needsApproval, created.getSwapNeedsApproval());
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    /** An instant inside turn n. */
    static Instant turn(int n) {
        return ROSTER_START.plus(Duration.ofHours(8L * n + 1));
    }

    StaffRequest propose(String from, int mine, int theirs, String counterpart) {
        return requestsAs(from, Role.OFFICER).createStaffRequest(CreateStaffRequestRequest.newBuilder()
                .setParent("officers/" + from).setStaffRequest(StaffRequest.newBuilder()
                        .setKind(StaffRequestKind.STAFF_REQUEST_KIND_ONCALL_SWAP).setRoster("rosters/pengaduan")
                        .setCounterpart("officers/" + counterpart).setFirstSlotTime(ts(turn(mine)))
                        .setSecondSlotTime(ts(turn(theirs))).setNote("ada acara keluarga")).build());
    }

    String primaryAt(int n) {
        OnCallSlot s = rosterAdmin().listOnCallSlots(ListOnCallSlotsRequest.newBuilder().setParent("rosters/pengaduan")
                .setTime(ts(turn(n))).setPageSize(1).build()).getSlots(0);
        return s.getPrimary().substring("officers/".length());
    }

    @Test
    void swapAcceptedByTheOtherOfficerChangesTheTurnsAtOnce() {
        roster(false);
        StaffRequest proposed = propose(OFFICER, 0, 1, COLLEAGUE);
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_AWAITING_COUNTERPART, proposed.getState());
        assertEquals(ts(ROSTER_START), proposed.getFirstSlotTime());
        // The counterpart sees it among their requests; nobody else may accept it.
        assertEquals(List.of(proposed.getName()), requestsAs(COLLEAGUE, Role.OFFICER).listStaffRequests(
                ListStaffRequestsRequest.newBuilder().setParent("officers/" + COLLEAGUE).build())
                .getStaffRequestsList().stream().map(StaffRequest::getName).toList());
        fails(Status.Code.PERMISSION_DENIED, "NOT_COUNTERPART", () -> requestsAs(OUTSIDER, Role.OFFICER)
                .acceptStaffRequest(AcceptStaffRequestRequest.newBuilder().setName(proposed.getName()).build()));
        fails(Status.Code.FAILED_PRECONDITION, "SWAP_PENDING", () -> propose(OFFICER, 0, 2, OUTSIDER));
        assertEquals(OFFICER, primaryAt(0));

        long seq = outbox.newest();
        StaffRequest accepted = requestsAs(COLLEAGUE, Role.OFFICER)
                .acceptStaffRequest(AcceptStaffRequestRequest.newBuilder().setName(proposed.getName()).build());
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_APPROVED, accepted.getState());
        // The roster's unit is named on the change feed, so other replicas drop its cached slots.
        assertTrue(changesAfter(seq).stream().anyMatch(e -> e.resource().startsWith("rosters/")), changesAfter(seq).toString());
        assertEquals(COLLEAGUE, primaryAt(0));
        assertEquals(OFFICER, primaryAt(1));
    }

    @Test
    void swapWaitsForTheManagerWhereTheRosterRequiresIt() {
        roster(true);
        StaffRequest proposed = propose(OFFICER, 3, 4, COLLEAGUE);
        assertTrue(proposed.getNeedsManagerApproval());
        fails(Status.Code.FAILED_PRECONDITION, "ILLEGAL_TRANSITION", () -> requestsAs(MANAGER, Role.MANAGER).approveStaffRequest(approve(proposed)));
        StaffRequest accepted = requestsAs(COLLEAGUE, Role.OFFICER)
                .acceptStaffRequest(AcceptStaffRequestRequest.newBuilder().setName(proposed.getName()).build());
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_AWAITING_MANAGER, accepted.getState());
        assertEquals(OFFICER, primaryAt(3));
        fails(Status.Code.PERMISSION_DENIED, "OWN_REQUEST", () -> requestsAs(OFFICER, Role.OFFICER).approveStaffRequest(approve(proposed)));
        fails(Status.Code.PERMISSION_DENIED, "NOT_MANAGER", () -> requestsAs(OTHER_MANAGER, Role.MANAGER).approveStaffRequest(approve(proposed)));
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_APPROVED,
                requestsAs(MANAGER, Role.MANAGER).approveStaffRequest(approve(proposed)).getState());
        assertEquals(COLLEAGUE, primaryAt(3));
        assertEquals(OFFICER, primaryAt(4));
    }

    @Test
    void swapRulesRefuseWithReasons() {
        roster(false);
        // Giving a turn in one week for one in the next leaves COLLEAGUE 64 hours in the first: over the cap.
        fails(Status.Code.FAILED_PRECONDITION, "ONCALL_CAP_EXCEEDED", () -> propose(OFFICER, 0, 22, COLLEAGUE));
        fails(Status.Code.FAILED_PRECONDITION, "NOT_YOUR_TURN", () -> propose(OFFICER, 1, 2, OUTSIDER));
        fails(Status.Code.FAILED_PRECONDITION, "NOT_COUNTERPART_TURN", () -> propose(OFFICER, 0, 2, COLLEAGUE));
        fails(Status.Code.FAILED_PRECONDITION, "NOT_ON_ROSTER", () -> propose(MANAGER, 0, 1, COLLEAGUE));
        StaffRequest proposed = propose(OFFICER, 0, 1, COLLEAGUE);
        StaffRequest declined = requestsAs(COLLEAGUE, Role.OFFICER).declineStaffRequest(DeclineStaffRequestRequest
                .newBuilder().setName(proposed.getName()).setReason("saya dinas luar").build());
        assertEquals(StaffRequestState.STAFF_REQUEST_STATE_DECLINED, declined.getState());
        assertEquals(OFFICER, primaryAt(0));
        // A turn already begun cannot be swapped.
        PlanTestClock.INSTANCE.set(turn(0));
        fails(Status.Code.FAILED_PRECONDITION, "TURN_STARTED", () -> propose(OFFICER, 0, 1, COLLEAGUE));
    }

    int absences(String nip) {
        return CalendarServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(ADMIN, Role.ADMIN))
                .listAbsences(ListAbsencesRequest.newBuilder().setParent("officers/" + nip).build()).getAbsencesCount();
    }
}
