package io.jeda.policy;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.domain.organisation.Officer;
import io.jeda.policy.domain.organisation.Unit;
import io.jeda.policy.domain.roster.OnCallLookup;
import io.jeda.policy.domain.roster.OnCallSlot;
import io.jeda.policy.persistence.OfficerRepository;
import io.jeda.policy.persistence.UnitRepository;
import io.jeda.policy.v1.CreateRosterOverrideRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.GetRosterRequest;
import io.jeda.policy.v1.ListOnCallSlotsRequest;
import io.jeda.policy.v1.ListRostersRequest;
import io.jeda.policy.v1.ListRostersResponse;
import io.jeda.policy.v1.OnCallSlot.Builder;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterOverride;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.SwapRosterSlotsRequest;
import io.jeda.policy.v1.SwapRosterSlotsResponse;
import io.jeda.policy.v1.UpdateRosterRequest;
import io.jeda.testing.GrpcAssertions;
import io.jeda.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster API through real stubs on the real database, and the on-call lookup behind schedules. */
class RosterEndpointTest extends PolicyTestBase {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final String A = "198501012010011001";
    static final String B = "198602022011012002";
    static final String C = "198703032012011003";
    static final String D = "198804042013012004";
    static final String X = "198905052014011005";
    /** Monday 00:00 WIB two weeks ahead: in the future, so that cap checks start at the roster's start. */
    static final LocalDate MONDAY = LocalDate.now(WIB).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
    static final Instant START = MONDAY.atStartOfDay(WIB).toInstant();

    @Inject
    UnitRepository units;
    @Inject
    OfficerRepository officers;
    @Inject
    OnCallLookup lookup;

    @BeforeEach
    void seed() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        units.save(new Unit("ops", "Pusat Operasi", null, "Asia/Jakarta", LocalTime.of(23, 59), true, now, now));
        units.save(new Unit("papua", "Kantor Papua", null, "Asia/Jayapura", LocalTime.of(23, 59), true, now, now));
        for (String nip : List.of(A, B, C, D, X)) {
            officers.save(new Officer(nip, "Officer " + nip.substring(15), "ops", "analis", null, null, null, null,
                    null, null, now, now));
        }
    }

    RosterServiceGrpc.RosterServiceBlockingStub as(String subject, Role... roles) {
        return RosterServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    RosterServiceGrpc.RosterServiceBlockingStub admin() {
        return as("hr-admin", Role.ADMIN);
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static Instant at(double hours) {
        return START.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    static RosterMember member(String nip) {
        return RosterMember.newBuilder().setOfficer("officers/" + nip).build();
    }

    static RosterMember member(String nip, String backup) {
        return RosterMember.newBuilder().setOfficer("officers/" + nip).setBackupOfficer("officers/" + backup).build();
    }

    /** A, B and C in 8-hour turns from START; C is backed up by X. 40 hours a week each. */
    static Roster.Builder desk() {
        return Roster.newBuilder().setDisplayName("Piket Pengaduan 24/7").setUnit("units/ops")
                .addMembers(member(A)).addMembers(member(B)).addMembers(member(C, X))
                .setTurnHours(8).setStartTime(ts(START));
    }

    static CreateRosterRequest create(String id, Roster.Builder r) {
        return CreateRosterRequest.newBuilder().setRosterId(id).setRoster(r).build();
    }

    List<io.jeda.policy.v1.OnCallSlot> slots(String id, Instant t, int n) {
        return admin().listOnCallSlots(ListOnCallSlotsRequest.newBuilder().setParent("rosters/" + id)
                .setTime(ts(t)).setPageSize(n).build()).getSlotsList();
    }

    static io.jeda.policy.v1.OnCallSlot slot(String roster, double from, double to, String primary, String backup,
                                              boolean overridden) {
        // Each slot names its people as policy-service knows them (seed(): "Officer " and the NIP's last three digits).
        Builder b = io.jeda.policy.v1.OnCallSlot.newBuilder().setRoster("rosters/" + roster)
                .setStartTime(ts(at(from))).setEndTime(ts(at(to))).setPrimary("officers/" + primary)
                .setPrimaryDisplayName("Officer " + primary.substring(15)).setOverridden(overridden);
        if (backup != null) {
            b.setBackup("officers/" + backup).setBackupDisplayName("Officer " + backup.substring(15));
        }
        return b.build();
    }


    // ------------------------------------------------------------------ create, get, list, update

    @Test
    void createThenGetAndList() {
        Roster created = admin().createRoster(create("pengaduan", desk()));
        assertEquals("rosters/pengaduan", created.getName());
        assertEquals(desk().setName("rosters/pengaduan").build(), created);
        assertEquals(created, admin().getRoster(GetRosterRequest.newBuilder().setName("rosters/pengaduan").build()));

        admin().createRoster(create("noc", desk().setDisplayName("NOC")));
        admin().createRoster(create("papua-desk", desk().setUnit("units/papua").setDisplayName("Papua")));

        ListRostersResponse first = admin().listRosters(ListRostersRequest.newBuilder().setPageSize(2).build());
        assertEquals(List.of("rosters/noc", "rosters/papua-desk"), first.getRostersList().stream().map(Roster::getName).toList());
        assertFalse(first.getNextPageToken().isEmpty());
        ListRostersResponse second = admin().listRosters(ListRostersRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of("rosters/pengaduan"), second.getRostersList().stream().map(Roster::getName).toList());
        assertEquals("", second.getNextPageToken());
        assertEquals(created, second.getRosters(0));

        ListRostersResponse papua = admin().listRosters(ListRostersRequest.newBuilder().setUnit("units/papua").build());
        assertEquals(List.of("rosters/papua-desk"), papua.getRostersList().stream().map(Roster::getName).toList());
    }

    @Test
    void createTwiceIsAlreadyExists() {
        admin().createRoster(create("pengaduan", desk()));
        assertFails(Status.Code.ALREADY_EXISTS, "ROSTER_ALREADY_EXISTS",
                () -> admin().createRoster(create("pengaduan", desk().setDisplayName("other"))));
        assertEquals("Piket Pengaduan 24/7",
                admin().getRoster(GetRosterRequest.newBuilder().setName("rosters/pengaduan").build()).getDisplayName());
    }

    @Test
    void getOfAMissingRosterIsNotFound() {
        assertFails(Status.Code.NOT_FOUND, "ROSTER_NOT_FOUND",
                () -> admin().getRoster(GetRosterRequest.newBuilder().setName("rosters/none").build()));
    }

    enum Invalid {
        BAD_ID("INVALID_ROSTER_ID", "x", r -> r),
        UPPER_CASE_ID("INVALID_ROSTER_ID", "Desk", r -> r),
        UNKNOWN_UNIT("UNKNOWN_UNIT", "desk", r -> r.setUnit("units/nowhere")),
        NO_MEMBERS("NO_MEMBERS", "desk", Roster.Builder::clearMembers),
        DUPLICATE_MEMBER("DUPLICATE_MEMBER", "desk", r -> r.addMembers(member(A))),
        UNKNOWN_MEMBER("UNKNOWN_OFFICER", "desk", r -> r.addMembers(member("199001012015011999"))),
        UNKNOWN_BACKUP("UNKNOWN_OFFICER", "desk", r -> r.addMembers(member(D, "199001012015011999"))),
        SELF_BACKUP("SELF_BACKUP", "desk", r -> r.addMembers(member(D, D))),
        ZERO_TURN("INVALID_TURN_HOURS", "desk", r -> r.setTurnHours(0)),
        LONG_TURN("INVALID_TURN_HOURS", "desk", r -> r.setTurnHours(169)),
        NO_START("INVALID_FIELD", "desk", Roster.Builder::clearStartTime),
        NO_DISPLAY_NAME("INVALID_FIELD", "desk", r -> r.setDisplayName(" "));

        final String reason;
        final String id;
        final UnaryOperator<Roster.Builder> change;

        Invalid(String reason, String id, UnaryOperator<Roster.Builder> change) {
            this.reason = reason;
            this.id = id;
            this.change = change;
        }
    }

    @ParameterizedTest
    @EnumSource(Invalid.class)
    void invalidRostersAreRefusedAndNotStored(Invalid c) {
        assertFails(Status.Code.INVALID_ARGUMENT, c.reason, () -> admin().createRoster(create(c.id, c.change.apply(desk()))));
        assertEquals(0, admin().listRosters(ListRostersRequest.getDefaultInstance()).getRostersCount());
    }

    @Test
    void updateChangesOnlyTheMaskedFieldsAndReplacesMembers() {
        admin().createRoster(create("pengaduan", desk()));
        Roster changes = Roster.newBuilder().setName("rosters/pengaduan").setDisplayName("Piket Malam")
                .addMembers(member(D)).addMembers(member(A, X)).addMembers(member(B)).addMembers(member(C))
                .setTurnHours(99) // not in the mask: ignored
                .build();
        Roster updated = admin().updateRoster(UpdateRosterRequest.newBuilder().setRoster(changes)
                .setUpdateMask(FieldMask.newBuilder().addPaths("display_name").addPaths("members")).build());
        Roster expected = desk().setName("rosters/pengaduan").setDisplayName("Piket Malam").clearMembers()
                .addMembers(member(D)).addMembers(member(A, X)).addMembers(member(B)).addMembers(member(C)).build();
        assertEquals(expected, updated);
        assertEquals(expected, admin().getRoster(GetRosterRequest.newBuilder().setName("rosters/pengaduan").build()));
        // The new rotation is what answers who is on call.
        assertEquals(List.of(slot("pengaduan", 0, 8, D, A, false), slot("pengaduan", 8, 16, A, X, false)),
                slots("pengaduan", START, 2));
    }

    @Test
    void updateWithoutAMaskChangesTheFieldsTheRequestSets() {
        Roster created = admin().createRoster(create("pengaduan", desk()));
        Roster renamed = admin().updateRoster(UpdateRosterRequest.newBuilder()
                .setRoster(Roster.newBuilder().setName("rosters/pengaduan").setDisplayName("Meja Pengaduan Baru"))
                .build());
        assertEquals(created.toBuilder().setDisplayName("Meja Pengaduan Baru").build(), renamed);
    }

    @ParameterizedTest(name = "mask {0}")
    @CsvSource({"name", "members.officer"})
    void updateWithABadMaskIsRefused(String path) {
        admin().createRoster(create("pengaduan", desk()));
        FieldMask.Builder mask = FieldMask.newBuilder();
        if (!path.isEmpty()) {
            mask.addPaths(path);
        }
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_UPDATE_MASK", () -> admin().updateRoster(UpdateRosterRequest.newBuilder()
                .setRoster(Roster.newBuilder().setName("rosters/pengaduan").setDisplayName("x")).setUpdateMask(mask).build()));
    }

    @Test
    void updateThatBreaksTheCapStoresNothing() {
        admin().createRoster(create("pengaduan", desk()));
        // Two members in 24-hour turns: 96 hours in some week.
        assertFails(Status.Code.FAILED_PRECONDITION, "ONCALL_CAP_EXCEEDED", () -> admin().updateRoster(UpdateRosterRequest.newBuilder()
                .setRoster(Roster.newBuilder().setName("rosters/pengaduan").setTurnHours(24)
                        .addMembers(member(A)).addMembers(member(B)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("members").addPaths("turn_hours")).build()));
        assertEquals(desk().setName("rosters/pengaduan").build(),
                admin().getRoster(GetRosterRequest.newBuilder().setName("rosters/pengaduan").build()));
    }

    // ------------------------------------------------------------------ who is on call

    @Test
    void whoIsOnCallAcrossATurnBoundary() {
        admin().createRoster(create("pengaduan", desk()));
        assertEquals(List.of(slot("pengaduan", 0, 8, A, B, false), slot("pengaduan", 8, 16, B, C, false)),
                slots("pengaduan", at(8).minusSeconds(1), 2));
        assertEquals(List.of(slot("pengaduan", 8, 16, B, C, false)), slots("pengaduan", at(8), 1));
        // C is backed up by X; after C the rotation wraps to A.
        assertEquals(List.of(slot("pengaduan", 16, 24, C, X, false), slot("pengaduan", 24, 32, A, B, false)),
                slots("pengaduan", at(23.5), 2));
    }

    @Test
    void beforeTheStartTheFirstSlotsAreListedAndThePageIsCapped() {
        admin().createRoster(create("pengaduan", desk()));
        assertEquals(List.of(slot("pengaduan", 0, 8, A, B, false)), slots("pengaduan", START.minusSeconds(86400), 0));
        assertEquals(100, slots("pengaduan", START, 1000).size());
    }

    @Test
    void whoIsOnCallAcrossAnOverride() {
        admin().createRoster(create("pengaduan", desk()));
        RosterOverride o = admin().createRosterOverride(CreateRosterOverrideRequest.newBuilder().setParent("rosters/pengaduan")
                .setOverride(RosterOverride.newBuilder().setOfficer("officers/" + D).setStartTime(ts(at(2)))
                        .setEndTime(ts(at(5))).setReason("sakit")).build());
        assertTrue(o.getName().startsWith("rosters/pengaduan/overrides/"), o.getName());
        assertEquals("officers/" + D, o.getOfficer());
        assertEquals(List.of(slot("pengaduan", 0, 2, A, B, false), slot("pengaduan", 2, 5, D, B, true),
                        slot("pengaduan", 5, 8, A, B, false), slot("pengaduan", 8, 16, B, C, false)),
                slots("pengaduan", at(1), 4));
        assertEquals(List.of(slot("pengaduan", 2, 5, D, B, true)), slots("pengaduan", at(4.99), 1));
    }

    @ParameterizedTest(name = "override {0}-{1}h by {2}: {3}")
    @CsvSource({
            "5,   2,   " + D + ", INVALID_OVERRIDE_PERIOD",
            "0,   337, " + D + ", OVERRIDE_TOO_LONG",
            "0,   2,   199001012015011999, UNKNOWN_OFFICER",
            "-10, -2,  " + D + ", OVERRIDE_BEFORE_ROSTER_START",
    })
    void invalidOverridesAreRefused(double from, double to, String officer, String reason) {
        admin().createRoster(create("pengaduan", desk()));
        assertFails(Status.Code.INVALID_ARGUMENT, reason, () -> admin().createRosterOverride(CreateRosterOverrideRequest.newBuilder()
                .setParent("rosters/pengaduan").setOverride(RosterOverride.newBuilder().setOfficer("officers/" + officer)
                        .setStartTime(ts(at(from))).setEndTime(ts(at(to)))).build()));
        assertFalse(slots("pengaduan", START, 3).stream().anyMatch(io.jeda.policy.v1.OnCallSlot::getOverridden));
    }

    @Test
    void swapExchangesTwoSlots() {
        admin().createRoster(create("pengaduan", desk()));
        SwapRosterSlotsResponse r = admin().swapRosterSlots(SwapRosterSlotsRequest.newBuilder().setParent("rosters/pengaduan")
                .setFirstSlotTime(ts(at(1))).setSecondSlotTime(ts(at(9))).setReason("tukar jadwal").build());
        assertEquals(2, r.getOverridesCount());
        assertEquals(List.of("officers/" + A, "officers/" + B),
                r.getOverridesList().stream().map(RosterOverride::getOfficer).toList());
        assertEquals(ts(at(8)), r.getOverrides(0).getStartTime());
        assertEquals(ts(at(0)), r.getOverrides(1).getStartTime());
        // B takes A's turn (B was its backup, so C backs up); A takes B's turn with B's backup C.
        assertEquals(List.of(slot("pengaduan", 0, 8, B, C, true), slot("pengaduan", 8, 16, A, C, true),
                        slot("pengaduan", 16, 24, C, X, false)),
                slots("pengaduan", START, 3));
    }

    @Test
    void swapOfTwoTurnsOfTheSameOfficerIsRefused() {
        admin().createRoster(create("pengaduan", desk()));
        assertFails(Status.Code.FAILED_PRECONDITION, "SAME_PRIMARY", () -> admin().swapRosterSlots(SwapRosterSlotsRequest.newBuilder()
                .setParent("rosters/pengaduan").setFirstSlotTime(ts(at(1))).setSecondSlotTime(ts(at(25))).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "NO_SLOT_AT_TIME", () -> admin().swapRosterSlots(SwapRosterSlotsRequest.newBuilder()
                .setParent("rosters/pengaduan").setFirstSlotTime(ts(at(-1))).setSecondSlotTime(ts(at(9))).build()));
    }

    // ------------------------------------------------------------------ cap

    @Test
    void aRosterOverTheCapIsRefusedAndNothingIsStored() {
        GrpcAssertions.Failure e = assertFails(Status.Code.FAILED_PRECONDITION, "ONCALL_CAP_EXCEEDED",
                () -> admin().createRoster(create("solo", desk().clearMembers().addMembers(member(A)).setTurnHours(24))));
        Map<String, String> meta = e.metadata();
        assertEquals("officers/" + A, meta.get("officer"));
        assertEquals(MONDAY.toString(), meta.get("week"));
        assertEquals("168", meta.get("hours"));
        assertEquals("56", meta.get("cap"));
        assertFails(Status.Code.NOT_FOUND, "ROSTER_NOT_FOUND",
                () -> admin().getRoster(GetRosterRequest.newBuilder().setName("rosters/solo").build()));
        assertTrue(lookup.slotsFor(List.of(A), START, at(48)).isEmpty());
    }

    @ParameterizedTest(name = "unit {0}: refused {1}")
    @CsvSource({"papua, true", "ops, false"})
    void theCapWeekIsTheWeekOfTheUnitTimeZone(String unit, boolean refused) {
        // Week-long turns starting Monday 00:00 WIT: one whole week in Papua, but 2 h + 166 h in two WIB weeks.
        Instant mondayWit = MONDAY.atStartOfDay(ZoneId.of("Asia/Jayapura")).toInstant();
        CreateRosterRequest req = create("weekly", desk().setUnit("units/" + unit).clearMembers().addMembers(member(A))
                .addMembers(member(B)).setTurnHours(168).setStartTime(ts(mondayWit)).setMaxHoursPerWeek(167));
        if (refused) {
            GrpcAssertions.Failure e = assertFails(Status.Code.FAILED_PRECONDITION, "ONCALL_CAP_EXCEEDED",
                    () -> admin().createRoster(req));
            assertEquals(MONDAY.toString(), e.metadata().get("week"));
            assertEquals("168", e.metadata().get("hours"));
        } else {
            assertEquals("rosters/weekly", admin().createRoster(req).getName());
        }
    }

    @Test
    void aHigherCapOnTheRosterAllowsMore() {
        Roster r = admin().createRoster(create("solo", desk().clearMembers().addMembers(member(A)).setTurnHours(24)
                .setMaxHoursPerWeek(168)));
        assertEquals(168, r.getMaxHoursPerWeek());
        assertEquals(List.of(slot("solo", 0, 24, A, null, false)), slots("solo", START, 1));
    }

    @Test
    void anOverrideOverTheCapIsRefusedAndTheSlotIsUnchanged() {
        // Four members in 12-hour turns: A has 48 hours in the first week.
        admin().createRoster(create("noc", desk().clearMembers().addMembers(member(A)).addMembers(member(B))
                .addMembers(member(C)).addMembers(member(D)).setTurnHours(12)));
        GrpcAssertions.Failure e = assertFails(Status.Code.FAILED_PRECONDITION, "ONCALL_CAP_EXCEEDED",
                () -> admin().createRosterOverride(CreateRosterOverrideRequest.newBuilder().setParent("rosters/noc")
                        .setOverride(RosterOverride.newBuilder().setOfficer("officers/" + A).setStartTime(ts(at(12)))
                                .setEndTime(ts(at(24)))).build()));
        Map<String, String> meta = e.metadata();
        assertEquals("officers/" + A, meta.get("officer"));
        assertEquals("60", meta.get("hours"));
        assertEquals(MONDAY.toString(), meta.get("week"));
        assertEquals(List.of(slot("noc", 12, 24, B, C, false)), slots("noc", at(12), 1));
        // Swapping A's and B's turns keeps both at 48 hours, so the cap lets it through.
        admin().swapRosterSlots(SwapRosterSlotsRequest.newBuilder().setParent("rosters/noc")
                .setFirstSlotTime(ts(at(1))).setSecondSlotTime(ts(at(13))).build());
        assertEquals(B, slots("noc", at(1), 1).get(0).getPrimary().substring("officers/".length()));
    }

    @Test
    void anEarlierOverrideInTheSameWeekCountsTowardsTheCap() {
        // A has 48 of 56 hours; the first override gives 8 more (Monday), the second another 8 (Wednesday).
        admin().createRoster(create("noc", desk().clearMembers().addMembers(member(A)).addMembers(member(B))
                .addMembers(member(C)).addMembers(member(D)).setTurnHours(12)));
        admin().createRosterOverride(CreateRosterOverrideRequest.newBuilder().setParent("rosters/noc")
                .setOverride(RosterOverride.newBuilder().setOfficer("officers/" + A).setStartTime(ts(at(12)))
                        .setEndTime(ts(at(20))).setReason("cover")).build());
        GrpcAssertions.Failure e = assertFails(Status.Code.FAILED_PRECONDITION, "ONCALL_CAP_EXCEEDED",
                () -> admin().createRosterOverride(CreateRosterOverrideRequest.newBuilder().setParent("rosters/noc")
                        .setOverride(RosterOverride.newBuilder().setOfficer("officers/" + A).setStartTime(ts(at(60)))
                                .setEndTime(ts(at(68))).setReason("cover")).build()));
        assertEquals("64", e.metadata().get("hours"));
    }

    @Test
    void concurrentOverridesCannotTogetherBreakTheCap() throws Exception {
        // A has 48 of the 56 hours in the first week; each override below gives A 8 more hours, so any
        // one of them fits, but no two do. Sent at once, exactly one may be stored.
        admin().createRoster(create("noc", desk().clearMembers().addMembers(member(A)).addMembers(member(B))
                .addMembers(member(C)).addMembers(member(D)).setTurnHours(12)));
        List<Integer> startHours = List.of(12, 60, 108, 24, 72, 120);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(startHours.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int h : startHours) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        admin().createRosterOverride(CreateRosterOverrideRequest.newBuilder().setParent("rosters/noc")
                                .setOverride(RosterOverride.newBuilder().setOfficer("officers/" + A)
                                        .setStartTime(ts(at(h))).setEndTime(ts(at(h + 8))).setReason("cover")).build());
                        return "stored";
                    } catch (StatusRuntimeException e) {
                        return GrpcErrors.errorInfo(e).map(i -> i.getReason()).orElse(e.getStatus().getCode().name());
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<String> f : results) {
                outcomes.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, outcomes.stream().filter("stored"::equals).count(), outcomes.toString());
            assertEquals(startHours.size() - 1, outcomes.stream().filter("ONCALL_CAP_EXCEEDED"::equals).count(),
                    outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        long hoursOfA = slots("noc", START, 30).stream()
                .filter(s -> s.getStartTime().getSeconds() < at(168).getEpochSecond())
                .filter(s -> s.getPrimary().equals("officers/" + A))
                .mapToLong(s -> Duration.between(Instant.ofEpochSecond(s.getStartTime().getSeconds()),
                        Instant.ofEpochSecond(s.getEndTime().getSeconds())).toHours())
                .sum();
        assertEquals(56, hoursOfA);
    }

    // ------------------------------------------------------------------ authorization

    @Test
    void callsWithoutATokenAreUnauthenticated() {
        assertFails(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN", () -> RosterServiceGrpc.newBlockingStub(channel)
                .getRoster(GetRosterRequest.newBuilder().setName("rosters/pengaduan").build()));
    }

    @Test
    void agencySystemsCannotReadRosters() {
        admin().createRoster(create("pengaduan", desk()));
        var agency = as("chatbot-kominfo", Role.AGENCY);
        assertFails(Status.Code.PERMISSION_DENIED, "AGENCY_NOT_ALLOWED",
                () -> agency.getRoster(GetRosterRequest.newBuilder().setName("rosters/pengaduan").build()));
        assertFails(Status.Code.PERMISSION_DENIED, "AGENCY_NOT_ALLOWED",
                () -> agency.listRosters(ListRostersRequest.getDefaultInstance()));
        assertFails(Status.Code.PERMISSION_DENIED, "AGENCY_NOT_ALLOWED", () -> agency.listOnCallSlots(
                ListOnCallSlotsRequest.newBuilder().setParent("rosters/pengaduan").build()));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OFFICER", "MANAGER", "SERVICE", "HR"})
    void othersMayReadRosters(Role role) {
        admin().createRoster(create("pengaduan", desk()));
        var reader = as(role == Role.SERVICE ? "gateway" : D, role);
        assertEquals("rosters/pengaduan", reader.getRoster(GetRosterRequest.newBuilder().setName("rosters/pengaduan").build()).getName());
        assertEquals(1, reader.listRosters(ListRostersRequest.getDefaultInstance()).getRostersCount());
        // Without a time: the slot in force now (the roster starts later, so its first slot).
        assertEquals(List.of(slot("pengaduan", 0, 8, A, B, false)), reader.listOnCallSlots(
                ListOnCallSlotsRequest.newBuilder().setParent("rosters/pengaduan").build()).getSlotsList());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OFFICER", "MANAGER", "SERVICE", "HR", "AGENCY"})
    void onlyAdminsMayWrite(Role role) {
        var writer = as(A, role);
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> writer.createRoster(create("pengaduan", desk())));
        admin().createRoster(create("pengaduan", desk()));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> writer.updateRoster(UpdateRosterRequest.newBuilder()
                .setRoster(Roster.newBuilder().setName("rosters/pengaduan").setDisplayName("mine"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> writer.createRosterOverride(
                CreateRosterOverrideRequest.newBuilder().setParent("rosters/pengaduan").setOverride(RosterOverride.newBuilder()
                        .setOfficer("officers/" + A).setStartTime(ts(at(8))).setEndTime(ts(at(9)))).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> writer.swapRosterSlots(SwapRosterSlotsRequest.newBuilder()
                .setParent("rosters/pengaduan").setFirstSlotTime(ts(at(1))).setSecondSlotTime(ts(at(9))).build()));
        assertEquals("Piket Pengaduan 24/7",
                admin().getRoster(GetRosterRequest.newBuilder().setName("rosters/pengaduan").build()).getDisplayName());
        assertFalse(slots("pengaduan", START, 3).stream().anyMatch(io.jeda.policy.v1.OnCallSlot::getOverridden));
    }

    // ------------------------------------------------------------------ on-call lookup

    static String show(List<OnCallSlot> slots) {
        List<String> out = new ArrayList<>();
        for (OnCallSlot s : slots) {
            out.add(s.rosterId() + " " + Duration.between(START, s.start()).toHours() + "-"
                    + Duration.between(START, s.end()).toHours() + " " + s.primaryNip().substring(15) + "/"
                    + (s.backupNip() == null ? "-" : s.backupNip().substring(15)) + (s.overridden() ? " overridden" : ""));
        }
        return String.join(", ", out);
    }

    @Test
    void lookupGivesTheSlotsOfAnOfficerAsPrimaryAndAsBackup() {
        admin().createRoster(create("pengaduan", desk()));
        admin().createRoster(create("noc", desk().clearMembers().addMembers(member(D, B)).addMembers(member(C))
                .setTurnHours(12).setMaxHoursPerWeek(84)));
        // B: backup of A's turn, primary of their own; and D's named backup on the other roster.
        assertEquals("noc 0-12 004/002, pengaduan 0-8 001/002, pengaduan 8-16 002/003",
                show(lookup.slotsFor(List.of(B), START, at(16))));
        // X backs up only C's turns; a period cutting a slot still returns it whole.
        assertEquals("pengaduan 16-24 003/005", show(lookup.slotsFor(List.of(X), at(17), at(18))));
        assertTrue(lookup.slotsFor(List.of(X), START, at(16)).isEmpty());
    }

    @Test
    void lookupFindsAnOutsiderWhoTookASlotByOverride() {
        admin().createRoster(create("pengaduan", desk()));
        Officer outsider = officers.save(new Officer("199001012015011006", "Outsider", "ops", "analis", null, null, null,
                null, null, null, START, START));
        admin().createRosterOverride(CreateRosterOverrideRequest.newBuilder().setParent("rosters/pengaduan")
                .setOverride(RosterOverride.newBuilder().setOfficer("officers/" + outsider.nip())
                        .setStartTime(ts(at(10))).setEndTime(ts(at(12)))).build());
        assertEquals("pengaduan 10-12 006/003 overridden", show(lookup.slotsFor(List.of(outsider.nip()), START, at(48))));
        assertTrue(lookup.slotsFor(List.of(outsider.nip()), at(12), at(48)).isEmpty());
    }

    @Test
    void timestampsBeyondWhatATimestampHoldsAreABadArgumentNamingTheField() {
        Timestamp farFuture = Timestamp.newBuilder().setSeconds(Long.MAX_VALUE / 2).build();
        Timestamp badNanos = Timestamp.newBuilder().setSeconds(START.getEpochSecond()).setNanos(-5).build();
        var start = assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE",
                () -> admin().createRoster(create("jauh", desk().setStartTime(farFuture))));
        start.hasMetadata("field", "roster.start_time");
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_TIMESTAMP",
                () -> admin().createRoster(create("nanos", desk().setStartTime(badNanos))));
        admin().createRoster(create("pengaduan", desk()));
        assertFails(Status.Code.INVALID_ARGUMENT, "DATE_OUT_OF_RANGE", () -> admin().listOnCallSlots(
                ListOnCallSlotsRequest.newBuilder().setParent("rosters/pengaduan")
                        .setTime(Timestamp.newBuilder().setSeconds(Long.MIN_VALUE)).setPageSize(3).build()));
    }
}
