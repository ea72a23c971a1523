package io.jeda.attendance;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.jeda.attendance.domain.PolicyDirectory;
import io.jeda.attendance.v1.AttendanceMode;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.attendance.v1.CheckInRequest;
import io.jeda.attendance.v1.CheckOutRequest;
import io.jeda.attendance.v1.DevicePosition;
import io.jeda.common.security.Role;
import io.jeda.testing.TestDatabase;
import io.jeda.testing.Tokens;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Base of the tests that run attendance-service for real: its gRPC server, its migrations, the
 * test database chosen by {@link TestDatabase}, and a {@link FakePolicyService} on a local port
 * that the production policy client is pointed at. Every table is emptied, the fake reset and the
 * client's caches dropped before each test.
 */
@MicronautTest(transactional = false, environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AttendanceTestBase implements TestPropertyProvider {

    /** One fake for the whole test JVM; every test class's context points at it. */
    protected static final FakePolicyService POLICY = FakePolicyService.start();

    protected static final String NIP = "198503152010011001";
    protected static final String OTHER_NIP = "199001012015032002";
    protected static final String MANAGER_NIP = "197512312000121003";
    protected static final String UNIT = "diskominfo";
    /** The unit's office: centre and a 200 m radius. */
    protected static final double OFFICE_LAT = -6.1754;
    protected static final double OFFICE_LON = 106.8272;
    protected static final int OFFICE_RADIUS = 200;
    /** The officer's domicile: centre and a 100 m radius. */
    protected static final double HOME_LAT = -6.2615;
    protected static final double HOME_LON = 106.8106;
    protected static final int HOME_RADIUS = 100;

    @Inject
    protected DataSource dataSource;

    @Inject
    @GrpcChannel(GrpcServerChannel.NAME)
    protected ManagedChannel channel;

    @Inject
    protected PolicyDirectory directory;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new LinkedHashMap<>(TestDatabase.properties("attendance"));
        p.put("grpc.channels.policy.address", "127.0.0.1:" + POLICY.port());
        p.put("grpc.channels.policy.plaintext", "true");
        return p;
    }

    @BeforeEach
    void resetWorld() {
        TestDatabase.truncateAll(DelegatingDataSource.unwrapDataSource(dataSource));
        POLICY.reset();
        directory.invalidateAll();
        POLICY.unit(UNIT, "Asia/Jakarta", OFFICE_LAT, OFFICE_LON, OFFICE_RADIUS);
        POLICY.officer(MANAGER_NIP, UNIT, null, null);
        POLICY.officer(NIP, UNIT, MANAGER_NIP, new double[]{HOME_LAT, HOME_LON, HOME_RADIUS});
        POLICY.officer(OTHER_NIP, UNIT, MANAGER_NIP, null);
    }

    protected AttendanceServiceGrpc.AttendanceServiceBlockingStub as(String subject, Role... roles) {
        return AttendanceServiceGrpc.newBlockingStub(channel).withCallCredentials(Tokens.as(subject, roles));
    }

    protected AttendanceServiceGrpc.AttendanceServiceBlockingStub officer() {
        return as(NIP, Role.OFFICER);
    }

    /** Now, to the second, the precision the service records. */
    protected static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    protected static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    protected static DevicePosition at(double lat, double lon, double accuracy) {
        return DevicePosition.newBuilder().setLatitude(lat).setLongitude(lon).setAccuracyMeters(accuracy).build();
    }

    /** A check-in from the office centre, now, with a fresh key. */
    protected static CheckInRequest.Builder officeCheckIn(String nip) {
        return CheckInRequest.newBuilder().setOfficer("officers/" + nip).setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE)
                .setDeviceTime(ts(now())).setPosition(at(OFFICE_LAT, OFFICE_LON, 10))
                .setDeviceId("phone-1").setIdempotencyKey(UUID.randomUUID().toString());
    }

    protected static CheckOutRequest.Builder officeCheckOut(String nip) {
        return CheckOutRequest.newBuilder().setOfficer("officers/" + nip).setMode(AttendanceMode.ATTENDANCE_MODE_OFFICE)
                .setDeviceTime(ts(now())).setPosition(at(OFFICE_LAT, OFFICE_LON, 10))
                .setDeviceId("phone-1").setIdempotencyKey(UUID.randomUUID().toString());
    }

    /** A latitude this many metres north of the given one, along the meridian. */
    protected static double north(double lat, double meters) {
        return lat + Math.toDegrees(meters / io.jeda.attendance.domain.Geo.EARTH_RADIUS_METERS);
    }

    protected long count(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
