package io.jeda.e2e;

import com.google.type.LatLng;
import io.grpc.Channel;
import io.grpc.stub.AbstractStub;
import io.jeda.common.security.Role;
import io.jeda.policy.v1.CreateOfficerRequest;
import io.jeda.policy.v1.CreateUnitRequest;
import io.jeda.policy.v1.Geofence;
import io.jeda.policy.v1.Office;
import io.jeda.policy.v1.Officer;
import io.jeda.policy.v1.OfficerServiceGrpc;
import io.jeda.policy.v1.Unit;
import io.jeda.policy.v1.UnitServiceGrpc;
import io.jeda.testing.Tokens;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * An agency admin setting up a test agency through policy-service's public gRPC API, shared by the
 * scenarios that each make their own agency (the reachability journey, the web app's).
 */
public final class PolicyAdmin {

    private static final long DEADLINE_SECONDS = 10;

    private final JedaServices services;
    private final String subject;

    public PolicyAdmin(JedaServices services, String subject) {
        this.services = services;
        this.subject = subject;
    }

    /** Policy-service's channel. */
    public Channel policy() {
        return services.channel(JedaServices.Service.POLICY);
    }

    /** The stub calling as this admin, with a deadline. */
    public <S extends AbstractStub<S>> S as(S stub) {
        return stub.withCallCredentials(Tokens.as(subject, Role.ADMIN))
                .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** A unit in {@code zone} with one office ("induk") whose geofence is a circle. */
    public void unit(String id, String displayName, ZoneId zone, double officeLat, double officeLon, int radiusMeters) {
        as(UnitServiceGrpc.newBlockingStub(policy())).createUnit(CreateUnitRequest.newBuilder().setUnitId(id)
                .setUnit(Unit.newBuilder().setDisplayName(displayName).setTimeZone(zone.getId())
                        .addOffices(Office.newBuilder().setId("induk").setDisplayName("Kantor Induk")
                                .setGeofence(circle(officeLat, officeLon, radiusMeters)))).build());
    }

    /** An officer of {@code unit} with a domicile of 100 m around the home position; no manager when empty. */
    public void officer(String unit, String nip, String name, String position, String manager,
                        double homeLat, double homeLon) {
        as(OfficerServiceGrpc.newBlockingStub(policy())).createOfficer(CreateOfficerRequest.newBuilder()
                .setOfficer(Officer.newBuilder().setNip(nip).setDisplayName(name).setUnit("units/" + unit)
                        .setPosition("positions/" + position)
                        .setManager(manager.isEmpty() ? "" : "officers/" + manager)
                        .setDomicile(circle(homeLat, homeLon, 100))).build());
    }

    /** A circle of {@code radius} metres around a WGS84 position. */
    public static Geofence circle(double lat, double lon, int radius) {
        return Geofence.newBuilder().setCenter(LatLng.newBuilder().setLatitude(lat).setLongitude(lon))
                .setRadiusMeters(radius).build();
    }
}
