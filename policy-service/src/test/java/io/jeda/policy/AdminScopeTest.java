package io.jeda.policy;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import io.grpc.CallCredentials;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.Absence;
import io.jeda.policy.v1.AbsenceKind;
import io.jeda.policy.v1.CalendarDay;
import io.jeda.policy.v1.CalendarDayKind;
import io.jeda.policy.v1.CalendarServiceGrpc;
import io.jeda.policy.v1.CreateAbsenceRequest;
import io.jeda.policy.v1.CreateCalendarDayRequest;
import io.jeda.policy.v1.CreateOfficerRequest;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateRosterRequest;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.DeleteAbsenceRequest;
import io.jeda.policy.v1.GetEffectiveScheduleRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.GetUnitRequest;
import io.jeda.policy.v1.ListAbsencesRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.Roster;
import io.jeda.policy.v1.RosterMember;
import io.jeda.policy.v1.RosterServiceGrpc;
import io.jeda.policy.v1.ScheduleServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.policy.v1.UpdateOfficerRequest;
import io.jeda.policy.v1.UpdateUnitRequest;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Admins per agency: an ADMIN or HR token administers the unit its {@code unit} claim names and the
 * units below it. Two agencies: kota-a with a sub-unit kota-a-dinas, and kota-b. Every kind of admin
 * call (read, list, create, update, delete) is tried inside and outside the scope, as ADMIN and HR.
 */
class AdminScopeTest extends UnitApiTestBase {

    /** Officers: one in kota-a's sub-unit, one in kota-b. */
    static final String IN_NIP = "198501012010011001";
    static final String OUT_NIP = "198502022010012002";
    static final String NEW_IN = "199001152015032004";
    static final String NEW_OUT = "199001152015032005";

    @BeforeEach
    void agencies() {
        UnitFixtures.unit(channel, "kota-a", "Asia/Makassar");
        UnitFixtures.unit(channel, "kota-b", "Asia/Jakarta");
        national(UnitServiceGrpc::newBlockingStub).createUnit(CreateUnitRequest.newBuilder().setUnitId("kota-a-dinas")
                .setUnit(Unit.newBuilder().setDisplayName("Dinas").setTimeZone("Asia/Makassar").setParent("units/kota-a"))
                .build());
        UnitFixtures.position(channel, "analis");
        UnitFixtures.officer(channel, IN_NIP, "kota-a-dinas", null);
        UnitFixtures.officer(channel, OUT_NIP, "kota-b", null);
    }

    private <S extends io.grpc.stub.AbstractStub<S>> S stub(Function<io.grpc.Channel, S> make, CallCredentials c) {
        return make.apply(channel).withCallCredentials(c);
    }

    private <S extends io.grpc.stub.AbstractStub<S>> S national(Function<io.grpc.Channel, S> make) {
        return stub(make, Tokens.as("admin-national", Role.ADMIN));
    }

    private <S extends io.grpc.stub.AbstractStub<S>> S scoped(Function<io.grpc.Channel, S> make, Role role) {
        return stub(make, Tokens.asScoped(role.name().toLowerCase() + "-kota-a", "units/kota-a", role));
    }

    private static Officer.Builder newOfficer(String nip, String unit) {
        return Officer.newBuilder().setNip(nip).setDisplayName("Baru " + nip).setUnit("units/" + unit)
                .setPosition("positions/analis");
    }

    private static Date date(int day) {
        return Date.newBuilder().setYear(2026).setMonth(12).setDay(day).build();
    }

    /** A read of something of a unit: allowed inside the scope and refused outside it, for ADMIN and HR. */
    static Stream<Arguments> reads() {
        return Stream.of(Role.ADMIN, Role.HR).flatMap(role -> Stream.of(
                Arguments.of(role, "GetUnit", true), Arguments.of(role, "GetUnit", false),
                Arguments.of(role, "GetOfficer", true), Arguments.of(role, "GetOfficer", false),
                Arguments.of(role, "ListOfficers", true), Arguments.of(role, "ListOfficers", false),
                Arguments.of(role, "ListUnits", true), Arguments.of(role, "ListUnits", false),
                Arguments.of(role, "GetEffectiveSchedule", true), Arguments.of(role, "GetEffectiveSchedule", false)));
    }

    @ParameterizedTest(name = "{0} {1} inside={2}")
    @MethodSource("reads")
    void readsFollowTheScope(Role role, String operation, boolean inside) {
        String unit = inside ? "kota-a-dinas" : "kota-b";
        String nip = inside ? IN_NIP : OUT_NIP;
        Executable call = switch (operation) {
            case "GetUnit" -> () -> scoped(UnitServiceGrpc::newBlockingStub, role)
                    .getUnit(GetUnitRequest.newBuilder().setName("units/" + unit).build());
            case "GetOfficer" -> () -> scoped(OfficerServiceGrpc::newBlockingStub, role)
                    .getOfficer(GetOfficerRequest.newBuilder().setName("officers/" + nip).build());
            case "ListOfficers" -> () -> scoped(OfficerServiceGrpc::newBlockingStub, role)
                    .listOfficers(ListOfficersRequest.newBuilder().setUnit("units/" + unit).build());
            case "ListUnits" -> () -> scoped(UnitServiceGrpc::newBlockingStub, role)
                    .listUnits(ListUnitsRequest.newBuilder().setParent("units/" + (inside ? "kota-a" : "kota-b")).build());
            case "GetEffectiveSchedule" -> () -> scoped(ScheduleServiceGrpc::newBlockingStub, role)
                    .getEffectiveSchedule(GetEffectiveScheduleRequest.newBuilder().setOfficer("officers/" + nip)
                            .setDate(date(1)).build());
            default -> throw new IllegalArgumentException(operation);
        };
        if (inside) {
            assertDoesNotThrow(call);
        } else {
            assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", call)
                    .hasMetadata("scope", "units/kota-a");
        }
    }

    /** A change to something of a unit, inside or outside the scope; run by the given credentials. */
    private Executable change(String operation, boolean inside, CallCredentials c) {
        String unit = inside ? "kota-a-dinas" : "kota-b";
        String nip = inside ? IN_NIP : OUT_NIP;
        return switch (operation) {
            case "CreateUnit" -> () -> stub(UnitServiceGrpc::newBlockingStub, c).createUnit(CreateUnitRequest.newBuilder()
                    .setUnitId(inside ? "kota-a-seksi" : "kota-b-seksi").setUnit(Unit.newBuilder().setDisplayName("Seksi")
                            .setTimeZone("Asia/Makassar").setParent("units/" + unit)).build());
            case "UpdateUnit" -> () -> stub(UnitServiceGrpc::newBlockingStub, c).updateUnit(UpdateUnitRequest.newBuilder()
                    .setUnit(Unit.newBuilder().setName("units/" + unit).setDisplayName("Baru"))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build());
            case "CreateOfficer" -> () -> stub(OfficerServiceGrpc::newBlockingStub, c).createOfficer(
                    CreateOfficerRequest.newBuilder().setOfficer(newOfficer(inside ? NEW_IN : NEW_OUT, unit)).build());
            case "UpdateOfficer" -> () -> stub(OfficerServiceGrpc::newBlockingStub, c).updateOfficer(
                    UpdateOfficerRequest.newBuilder().setOfficer(Officer.newBuilder().setName("officers/" + nip)
                            .setDisplayName("Nama Baru")).setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build());
            case "CreateAgencyDay" -> () -> stub(CalendarServiceGrpc::newBlockingStub, c).createCalendarDay(
                    CreateCalendarDayRequest.newBuilder().setCalendarDay(CalendarDay.newBuilder().setDate(date(2))
                            .setKind(CalendarDayKind.CALENDAR_DAY_KIND_AGENCY_DAY).setDescription("HUT Kota")
                            .setUnit("units/" + unit)).build());
            case "CreateAbsence" -> () -> stub(CalendarServiceGrpc::newBlockingStub, c).createAbsence(
                    CreateAbsenceRequest.newBuilder().setParent("officers/" + nip).setAbsence(Absence.newBuilder()
                            .setKind(AbsenceKind.ABSENCE_KIND_LEAVE).setStartDate(date(7)).setEndDate(date(8))
                            .setDescription("Cuti")).build());
            case "DeleteAbsence" -> {
                Absence a = national(CalendarServiceGrpc::newBlockingStub).createAbsence(CreateAbsenceRequest.newBuilder()
                        .setParent("officers/" + nip).setAbsence(Absence.newBuilder().setKind(AbsenceKind.ABSENCE_KIND_LEAVE)
                                .setStartDate(date(9)).setEndDate(date(9)).setDescription("Cuti")).build());
                yield () -> stub(CalendarServiceGrpc::newBlockingStub, c).deleteAbsence(
                        DeleteAbsenceRequest.newBuilder().setName(a.getName()).build());
            }
            case "CreateRoster" -> () -> stub(RosterServiceGrpc::newBlockingStub, c).createRoster(
                    CreateRosterRequest.newBuilder().setRosterId(inside ? "piket-a" : "piket-b").setRoster(Roster.newBuilder()
                            .setDisplayName("Piket").setUnit("units/" + unit)
                            .addMembers(RosterMember.newBuilder().setOfficer("officers/" + nip)).setTurnHours(8)
                            .setMaxHoursPerWeek(168)
                            .setStartTime(Timestamp.newBuilder().setSeconds(Instant.parse("2027-01-04T00:00:00Z")
                                    .getEpochSecond()))).build());
            default -> throw new IllegalArgumentException(operation);
        };
    }

    static Stream<Arguments> changes() {
        return Stream.of("CreateUnit", "UpdateUnit", "CreateOfficer", "UpdateOfficer", "CreateAgencyDay",
                        "CreateAbsence", "DeleteAbsence", "CreateRoster")
                .flatMap(op -> Stream.of(Arguments.of(op, true), Arguments.of(op, false)));
    }

    @ParameterizedTest(name = "ADMIN {0} inside={1}")
    @MethodSource("changes")
    void adminChangesFollowTheScope(String operation, boolean inside) {
        Executable call = change(operation, inside, Tokens.asScoped("admin-kota-a", "kota-a", Role.ADMIN));
        if (inside) {
            assertDoesNotThrow(call);
        } else {
            assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", call);
        }
    }

    @ParameterizedTest(name = "HR {0} inside={1}")
    @MethodSource("changes")
    void hrChangesNothingEvenInsideItsScope(String operation, boolean inside) {
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED",
                change(operation, inside, Tokens.asScoped("hr-kota-a", "kota-a", Role.HR)));
    }

    @ParameterizedTest(name = "national ADMIN {0} inside={1}")
    @MethodSource("changes")
    void aNationalAdminChangesEveryUnit(String operation, boolean inside) {
        assertDoesNotThrow(change(operation, inside, Tokens.as("admin-national", Role.ADMIN)));
    }

    @Test
    void anAdminTokenWithoutAUnitAdministersNothing() {
        CallCredentials none = Tokens.asScoped("admin-none", null, Role.ADMIN);
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_SCOPE_MISSING", change("UpdateUnit", true, none));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_SCOPE_MISSING", () -> stub(OfficerServiceGrpc::newBlockingStub, none)
                .getOfficer(GetOfficerRequest.newBuilder().setName("officers/" + IN_NIP).build()));
    }

    @Test
    void whatBelongsToEveryUnitIsForNationalAdminsOnly() {
        var scopedAdmin = Tokens.asScoped("admin-kota-a", "kota-a", Role.ADMIN);
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> stub(PositionServiceGrpc::newBlockingStub,
                scopedAdmin).createPosition(CreatePositionRequest.newBuilder().setPositionId("pranata")
                .setPosition(Position.newBuilder().setDisplayName("Pranata")).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> stub(CalendarServiceGrpc::newBlockingStub,
                scopedAdmin).createCalendarDay(CreateCalendarDayRequest.newBuilder().setCalendarDay(CalendarDay.newBuilder()
                .setDate(date(25)).setKind(CalendarDayKind.CALENDAR_DAY_KIND_NATIONAL_HOLIDAY).setDescription("Natal")).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> stub(UnitServiceGrpc::newBlockingStub,
                scopedAdmin).createUnit(CreateUnitRequest.newBuilder().setUnitId("kota-c").setUnit(Unit.newBuilder()
                .setDisplayName("Kota C").setTimeZone("Asia/Jakarta")).build()));
        // Moving an officer out of the scope, or a unit under another agency, is refused as well.
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> stub(OfficerServiceGrpc::newBlockingStub,
                scopedAdmin).updateOfficer(UpdateOfficerRequest.newBuilder().setOfficer(Officer.newBuilder()
                .setName("officers/" + IN_NIP).setUnit("units/kota-b")).setUpdateMask(FieldMask.newBuilder().addPaths("unit")).build()));
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> stub(UnitServiceGrpc::newBlockingStub,
                scopedAdmin).updateUnit(UpdateUnitRequest.newBuilder().setUnit(Unit.newBuilder().setName("units/kota-a-dinas")
                .setParent("units/kota-b")).setUpdateMask(FieldMask.newBuilder().addPaths("parent")).build()));
    }

    @Test
    void aScopedAdminListsItsOwnSubtree() {
        var scopedHr = Tokens.asScoped("hr-kota-a", "units/kota-a", Role.HR);
        assertEquals(List.of("units/kota-a", "units/kota-a-dinas"), stub(UnitServiceGrpc::newBlockingStub, scopedHr)
                .listUnits(ListUnitsRequest.getDefaultInstance()).getUnitsList().stream().map(Unit::getName).toList());
        assertEquals(List.of("officers/" + IN_NIP), stub(OfficerServiceGrpc::newBlockingStub, scopedHr)
                .listOfficers(ListOfficersRequest.getDefaultInstance()).getOfficersList().stream()
                .map(Officer::getName).toList());
        // An admin of the sub-unit does not reach its parent.
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> stub(UnitServiceGrpc::newBlockingStub,
                Tokens.asScoped("admin-dinas", "kota-a-dinas", Role.ADMIN)).getUnit(
                GetUnitRequest.newBuilder().setName("units/kota-a").build()));
        assertFails(Status.Code.PERMISSION_DENIED, "OUTSIDE_ADMIN_SCOPE", () -> stub(CalendarServiceGrpc::newBlockingStub,
                Tokens.asScoped("admin-kota-a", "kota-a", Role.ADMIN)).listAbsences(
                ListAbsencesRequest.newBuilder().setParent("officers/" + OUT_NIP).build()));
    }
}
