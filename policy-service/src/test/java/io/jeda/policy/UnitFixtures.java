package io.jeda.policy;

import com.google.type.LatLng;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.CreateOfficerRequest;
import io.jeda.policy.v1.CreatePositionRequest;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.Geofence;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.Position;
import io.jeda.policy.v1.PositionServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.testing.Tokens;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reference data that the unit, position, officer and calendar endpoint tests build on, made through the API. */
final class UnitFixtures {

    static final String ADMIN = "admin-1";
    /** Valid NIPs (birth 1985, appointed 2010-01). */
    static final String MANAGER_NIP = "198501012010011001";
    static final String OFFICER_NIP = "198502022010012002";
    static final String OTHER_NIP = "198503032010011003";

    private UnitFixtures() {
    }

    static Geofence geofence(double lat, double lon, int radius) {
        return Geofence.newBuilder().setCenter(LatLng.newBuilder().setLatitude(lat).setLongitude(lon))
                .setRadiusMeters(radius).build();
    }

    static UnitServiceGrpc.UnitServiceBlockingStub units(ManagedChannel ch, String subject, Role... roles) {
        return UnitServiceGrpc.newBlockingStub(ch).withCallCredentials(Tokens.as(subject, roles));
    }

    static PositionServiceGrpc.PositionServiceBlockingStub positions(ManagedChannel ch, String subject, Role... roles) {
        return PositionServiceGrpc.newBlockingStub(ch).withCallCredentials(Tokens.as(subject, roles));
    }

    static OfficerServiceGrpc.OfficerServiceBlockingStub officers(ManagedChannel ch, String subject, Role... roles) {
        return OfficerServiceGrpc.newBlockingStub(ch).withCallCredentials(Tokens.as(subject, roles));
    }

    static Unit unit(ManagedChannel ch, String id, String zone) {
        return units(ch, ADMIN, Role.ADMIN).createUnit(CreateUnitRequest.newBuilder().setUnitId(id)
                .setUnit(Unit.newBuilder().setDisplayName("Unit " + id).setTimeZone(zone)).build());
    }

    static Position position(ManagedChannel ch, String id) {
        return positions(ch, ADMIN, Role.ADMIN).createPosition(CreatePositionRequest.newBuilder().setPositionId(id)
                .setPosition(Position.newBuilder().setDisplayName("Position " + id)).build());
    }

    static Officer officer(ManagedChannel ch, String nip, String unitId, String managerNip) {
        Officer.Builder o = Officer.newBuilder().setNip(nip).setDisplayName("Officer " + nip)
                .setUnit("units/" + unitId).setPosition("positions/analis")
                .setDomicile(geofence(-2.9, 108.1, 150));
        if (managerNip != null) {
            o.setManager("officers/" + managerNip);
        }
        return officers(ch, ADMIN, Role.ADMIN).createOfficer(CreateOfficerRequest.newBuilder().setOfficer(o).build());
    }

    /** A unit in WITA, a position "analis", a manager and two officers reporting to them. */
    static void team(ManagedChannel ch) {
        unit(ch, "diskominfo", "Asia/Makassar");
        position(ch, "analis");
        officer(ch, MANAGER_NIP, "diskominfo", null);
        officer(ch, OFFICER_NIP, "diskominfo", MANAGER_NIP);
        officer(ch, OTHER_NIP, "diskominfo", MANAGER_NIP);
    }

    /** Asserts the call fails with the code and ErrorInfo reason, and returns the failure for more checks. */

}
