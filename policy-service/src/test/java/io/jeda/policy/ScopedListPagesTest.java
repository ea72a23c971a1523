package io.jeda.policy;

import io.jeda.common.security.Role;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.ListOfficersRequest;
import io.jeda.policy.v1.ListOfficersResponse;
import io.jeda.policy.v1.ListUnitsRequest;
import io.jeda.policy.v1.ListUnitsResponse;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A scoped admin's lists without a filter are its subtree, and every page of them is full: the rows
 * are chosen in the query, not filtered out of a page of everyone (which left pages short or empty).
 */
class ScopedListPagesTest extends UnitApiTestBase {

    @BeforeEach
    void twoAgencies() {
        // Units "a-..." and officers with low NIPs belong to the other agency and sort first.
        for (String id : List.of("a-lain-1", "a-lain-2", "a-lain-3")) {
            UnitFixtures.unit(channel, id, "Asia/Jakarta");
        }
        UnitFixtures.unit(channel, "kota-z", "Asia/Makassar");
        UnitFixtures.units(channel, "national", Role.ADMIN).createUnit(CreateUnitRequest.newBuilder()
                .setUnitId("kota-z-seksi").setUnit(Unit.newBuilder().setDisplayName("Seksi").setParent("units/kota-z")
                        .setTimeZone("Asia/Makassar")).build());
        UnitFixtures.position(channel, "analis");
        for (int i = 1; i <= 3; i++) {
            UnitFixtures.officer(channel, "19800101200501100" + i, "a-lain-1", null);
        }
        UnitFixtures.officer(channel, "199001012015011001", "kota-z", null);
        UnitFixtures.officer(channel, "199001012015011002", "kota-z-seksi", null);
        UnitFixtures.officer(channel, "199001012015011003", "kota-z", null);
    }

    @Test
    void everyPageOfAScopedAdminsOfficersAndUnitsIsFull() {
        OfficerServiceGrpc.OfficerServiceBlockingStub officers = OfficerServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.asScoped("admin-z", "kota-z", Role.ADMIN));
        ListOfficersResponse first = officers.listOfficers(ListOfficersRequest.newBuilder().setPageSize(2).build());
        assertEquals(List.of("199001012015011001", "199001012015011002"),
                first.getOfficersList().stream().map(o -> o.getNip()).toList());
        ListOfficersResponse second = officers.listOfficers(ListOfficersRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of("199001012015011003"), second.getOfficersList().stream().map(o -> o.getNip()).toList());
        assertEquals("", second.getNextPageToken());

        UnitServiceGrpc.UnitServiceBlockingStub units = UnitServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(Tokens.asScoped("hr-z", "units/kota-z", Role.HR));
        List<String> seen = new ArrayList<>();
        ListUnitsResponse page = units.listUnits(ListUnitsRequest.newBuilder().setPageSize(1).build());
        assertEquals(List.of("units/kota-z"), page.getUnitsList().stream().map(Unit::getName).toList());
        page.getUnitsList().forEach(u -> seen.add(u.getName()));
        page = units.listUnits(ListUnitsRequest.newBuilder().setPageSize(1).setPageToken(page.getNextPageToken()).build());
        page.getUnitsList().forEach(u -> seen.add(u.getName()));
        assertEquals(List.of("units/kota-z", "units/kota-z-seksi"), seen);
    }
}
