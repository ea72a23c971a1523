package io.jeda.policy;

import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.grpc.Status;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.CreateOfficerRequest;
import io.jeda.policy.v1.GetOfficerRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.UpdateOfficerRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jeda.policy.UnitFixtures.ADMIN;
import static io.jeda.policy.UnitFixtures.MANAGER_NIP;
import static io.jeda.policy.UnitFixtures.OFFICER_NIP;
import static io.jeda.policy.UnitFixtures.OTHER_NIP;
import static io.jeda.policy.UnitFixtures.geofence;
import static io.jeda.testing.GrpcAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OfficerService through real stubs on the test database: the team of {@link UnitFixtures#team} is
 * a manager and two officers in a WITA unit.
 */
class OfficerEndpointTest extends UnitApiTestBase {

    private static final String NEW_NIP = "199001152015032004";

    @BeforeEach
    void team() {
        UnitFixtures.team(channel);
    }

    private OfficerServiceGrpc.OfficerServiceBlockingStub admin() {
        return UnitFixtures.officers(channel, ADMIN, Role.ADMIN);
    }

    private OfficerServiceGrpc.OfficerServiceBlockingStub as(String subject, Role... roles) {
        return UnitFixtures.officers(channel, subject, roles);
    }

    private static GetOfficerRequest get(String nip) {
        return GetOfficerRequest.newBuilder().setName("officers/" + nip).build();
    }

    private static Officer.Builder valid() {
        return Officer.newBuilder().setNip(NEW_NIP).setDisplayName("Siti Rahmawati").setUnit("units/diskominfo")
                .setPosition("positions/analis");
    }

    private static CreateOfficerRequest create(Officer.Builder o) {
        return CreateOfficerRequest.newBuilder().setOfficer(o).build();
    }

    private static UpdateOfficerRequest update(Officer.Builder o, String... paths) {
        return UpdateOfficerRequest.newBuilder().setOfficer(o)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build();
    }

    private static Date date(int y, int m, int d) {
        return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
    }

    @Test
    void createdOfficerReadsBackInTheUnitsTimeZone() {
        Officer created = admin().createOfficer(create(valid().setManager("officers/" + MANAGER_NIP)
                .setDomicile(geofence(-2.75, 107.65, 200)).setProbationUntil(date(2026, 12, 31))));
        assertEquals("officers/" + NEW_NIP, created.getName());
        assertEquals(NEW_NIP, created.getNip());
        assertEquals("Asia/Makassar", created.getTimeZone());
        assertEquals("officers/" + MANAGER_NIP, created.getManager());
        assertEquals(date(2026, 12, 31), created.getProbationUntil());
        assertFalse(created.hasPenaltyUntil());
        Officer read = admin().getOfficer(get(NEW_NIP));
        assertEquals(created, read);
        assertEquals(-2.75, read.getDomicile().getCenter().getLatitude());
        assertEquals(107.65, read.getDomicile().getCenter().getLongitude());
        assertEquals(200, read.getDomicile().getRadiusMeters());
    }

    @Test
    void aBadNipIsRefusedNamingThePartThatIsWrong() {
        var birth = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NIP",
                () -> admin().createOfficer(create(valid().setNip("199002302015032004"))));
        assertEquals("BIRTH_DATE", birth.metadata("part"));
        var length = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NIP",
                () -> admin().createOfficer(create(valid().setNip("1990011520150320"))));
        assertEquals("LENGTH", length.metadata("part"));
        var gender = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NIP",
                () -> admin().createOfficer(create(valid().setNip("199001152015033004"))));
        assertEquals("GENDER", gender.metadata("part"));
        assertTrue(gender.status().getDescription().contains("gender"), gender.status().getDescription());
        assertFails(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND", () -> admin().getOfficer(get("199002302015032004")));
    }

    @Test
    void referencesMustExistAndTheManagerChainMustNotLoop() {
        assertFails(Status.Code.NOT_FOUND, "UNIT_NOT_FOUND",
                () -> admin().createOfficer(create(valid().setUnit("units/nowhere"))));
        assertFails(Status.Code.NOT_FOUND, "POSITION_NOT_FOUND",
                () -> admin().createOfficer(create(valid().setPosition("positions/nothing"))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_FIELD", () -> admin().createOfficer(create(valid().clearUnit())));
        assertFails(Status.Code.NOT_FOUND, "MANAGER_NOT_FOUND",
                () -> admin().createOfficer(create(valid().setManager("officers/199912312024122999"))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_MANAGER",
                () -> admin().createOfficer(create(valid().setManager("officers/" + NEW_NIP))));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_NAME",
                () -> admin().createOfficer(create(valid().setManager(MANAGER_NIP))));
        var radius = assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_GEOFENCE",
                () -> admin().createOfficer(create(valid().setDomicile(geofence(-2.75, 107.65, 0)))));
        assertEquals("officer.domicile.radius_meters", radius.metadata("field"));
        assertFails(Status.Code.ALREADY_EXISTS, "OFFICER_ALREADY_EXISTS",
                () -> admin().createOfficer(create(valid().setNip(OFFICER_NIP))));

        // The manager reports (indirectly) to nobody below them: making a report the manager's manager loops.
        var cycle = assertFails(Status.Code.INVALID_ARGUMENT, "MANAGER_CYCLE", () -> admin().updateOfficer(
                update(Officer.newBuilder().setName("officers/" + MANAGER_NIP).setManager("officers/" + OFFICER_NIP),
                        "manager")));
        assertEquals("officer.manager", cycle.metadata("field"));
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_MANAGER", () -> admin().updateOfficer(
                update(Officer.newBuilder().setName("officers/" + OFFICER_NIP).setManager("officers/" + OFFICER_NIP),
                        "manager")));
    }

    @Test
    void onlyTheOfficerAndPrivilegedCallersSeeTheDomicile() {
        assertTrue(as(OFFICER_NIP, Role.OFFICER).getOfficer(get(OFFICER_NIP)).hasDomicile(), "own domicile");
        assertTrue(admin().getOfficer(get(OFFICER_NIP)).hasDomicile(), "admin");
        assertTrue(as("attendance-service", Role.SERVICE).getOfficer(get(OFFICER_NIP)).hasDomicile(), "service");

        Officer seenByColleague = as(OTHER_NIP, Role.OFFICER).getOfficer(get(OFFICER_NIP));
        assertFalse(seenByColleague.hasDomicile(), "another officer");
        assertEquals("Officer " + OFFICER_NIP, seenByColleague.getDisplayName());
        assertFalse(as(MANAGER_NIP, Role.MANAGER).getOfficer(get(OFFICER_NIP)).hasDomicile(), "the manager");
        // A token naming the officer but without an officer role is not the officer acting for themself:
        // HR reads the record, without the domicile.
        assertFalse(as(OFFICER_NIP, Role.HR).getOfficer(get(OFFICER_NIP)).hasDomicile(), "HR naming the officer");
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED", () -> as(OFFICER_NIP, Role.AGENCY).getOfficer(get(OFFICER_NIP)));

        for (var stub : List.of(admin(), as(OFFICER_NIP, Role.OFFICER), as("attendance-service", Role.SERVICE))) {
            ListOfficersResponse all = stub.listOfficers(ListOfficersRequest.getDefaultInstance());
            assertEquals(3, all.getOfficersCount());
            assertTrue(all.getOfficersList().stream().noneMatch(Officer::hasDomicile), "lists never carry domiciles");
        }
    }

    @Test
    void listFiltersByUnitAndManagerInNipOrderAcrossPages() {
        UnitFixtures.unit(channel, "rsud", "Asia/Jayapura");
        admin().createOfficer(create(valid().setUnit("units/rsud").setManager("officers/" + MANAGER_NIP)));

        ListOfficersResponse first = as(OTHER_NIP, Role.OFFICER).listOfficers(ListOfficersRequest.newBuilder()
                .setPageSize(2).build());
        assertEquals(List.of(MANAGER_NIP, OFFICER_NIP), first.getOfficersList().stream().map(Officer::getNip).toList());
        assertFalse(first.getNextPageToken().isEmpty());
        ListOfficersResponse second = as(OTHER_NIP, Role.OFFICER).listOfficers(ListOfficersRequest.newBuilder()
                .setPageSize(2).setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of(OTHER_NIP, NEW_NIP), second.getOfficersList().stream().map(Officer::getNip).toList());
        assertEquals("Asia/Jayapura", second.getOfficers(1).getTimeZone());
        assertEquals("Asia/Makassar", second.getOfficers(0).getTimeZone());
        assertEquals("", second.getNextPageToken(), "the last page, even a full one, has no next page");
        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_PAGE_TOKEN", () -> as(OTHER_NIP, Role.OFFICER)
                .listOfficers(ListOfficersRequest.newBuilder().setPageSize(2).setUnit("units/rsud")
                        .setPageToken(first.getNextPageToken()).build()));

        assertEquals(List.of(NEW_NIP), admin().listOfficers(ListOfficersRequest.newBuilder().setUnit("units/rsud")
                .build()).getOfficersList().stream().map(Officer::getNip).toList());
        assertEquals(List.of(OFFICER_NIP, OTHER_NIP, NEW_NIP), admin().listOfficers(ListOfficersRequest.newBuilder()
                .setManager("officers/" + MANAGER_NIP).build()).getOfficersList().stream().map(Officer::getNip).toList());
        assertEquals(List.of(OFFICER_NIP, OTHER_NIP), admin().listOfficers(ListOfficersRequest.newBuilder()
                .setManager("officers/" + MANAGER_NIP).setUnit("units/diskominfo").build())
                .getOfficersList().stream().map(Officer::getNip).toList());
    }

    @Test
    void updateChangesOnlyTheMaskedFields() {
        UnitFixtures.unit(channel, "rsud", "Asia/Jayapura");
        Officer moved = admin().updateOfficer(update(Officer.newBuilder().setName("officers/" + OFFICER_NIP)
                .setUnit("units/rsud").setDisplayName("ignored").setPenaltyUntil(date(2026, 3, 31)),
                "unit", "penalty_until", "manager", "domicile"));
        assertEquals("units/rsud", moved.getUnit());
        assertEquals("Asia/Jayapura", moved.getTimeZone());
        assertEquals(date(2026, 3, 31), moved.getPenaltyUntil());
        assertEquals("", moved.getManager(), "a masked, empty manager is cleared");
        assertFalse(moved.hasDomicile(), "a masked, absent domicile is cleared");
        assertEquals("Officer " + OFFICER_NIP, moved.getDisplayName());
        assertEquals(moved, admin().getOfficer(get(OFFICER_NIP)));

        Officer renamed = admin().updateOfficer(update(Officer.newBuilder().setName("officers/" + OFFICER_NIP)
                .setDisplayName("Budi Santoso").setDomicile(geofence(-2.0, 106.1, 75)), "display_name", "domicile"));
        assertEquals("Budi Santoso", renamed.getDisplayName());
        assertEquals(75, renamed.getDomicile().getRadiusMeters());
        assertEquals(date(2026, 3, 31), renamed.getPenaltyUntil());

        assertFails(Status.Code.INVALID_ARGUMENT, "INVALID_UPDATE_MASK", () -> admin().updateOfficer(
                update(Officer.newBuilder().setName("officers/" + OFFICER_NIP).setNip(OTHER_NIP), "nip")));
        // Without a mask the fields the request sets are changed, and only those.
        Officer unmasked = admin().updateOfficer(
                update(Officer.newBuilder().setName("officers/" + OFFICER_NIP).setDisplayName("Budi S.")));
        assertEquals("Budi S.", unmasked.getDisplayName());
        assertEquals(75, unmasked.getDomicile().getRadiusMeters());
        assertEquals(date(2026, 3, 31), unmasked.getPenaltyUntil());
        assertFails(Status.Code.NOT_FOUND, "POSITION_NOT_FOUND", () -> admin().updateOfficer(
                update(Officer.newBuilder().setName("officers/" + OFFICER_NIP).setPosition("positions/none"),
                        "position")));
        assertFails(Status.Code.NOT_FOUND, "OFFICER_NOT_FOUND", () -> admin().updateOfficer(
                update(Officer.newBuilder().setName("officers/" + NEW_NIP).setDisplayName("x"), "display_name")));
    }

    @Test
    void readsNeedAnOfficerRoleAndWritesNeedAdmin() {
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED",
                () -> as("complaint-desk", Role.AGENCY).getOfficer(get(OFFICER_NIP)));
        assertFails(Status.Code.PERMISSION_DENIED, "ROLE_NOT_ALLOWED",
                () -> as("complaint-desk", Role.AGENCY).listOfficers(ListOfficersRequest.getDefaultInstance()));
        assertFails(Status.Code.UNAUTHENTICATED, "MISSING_TOKEN",
                () -> OfficerServiceGrpc.newBlockingStub(channel).getOfficer(get(OFFICER_NIP)));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED",
                () -> as(MANAGER_NIP, Role.MANAGER).createOfficer(create(valid())));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED", () -> as(OFFICER_NIP, Role.OFFICER).updateOfficer(
                update(Officer.newBuilder().setName("officers/" + OFFICER_NIP).setDomicile(geofence(0, 0, 10)),
                        "domicile")));
        assertFails(Status.Code.PERMISSION_DENIED, "ADMIN_REQUIRED",
                () -> as("attendance-service", Role.SERVICE).createOfficer(create(valid())));
        assertEquals(NEW_NIP, admin().createOfficer(create(valid())).getNip());
    }
}
