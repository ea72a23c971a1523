package io.jeda.attendance.domain;

import io.jeda.common.error.JedaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules: distances, geofences, the time of record and the schedule's modes. */
class GeoAndTimeRulesTest {

    private static final AttendanceSettings S = AttendanceSettings.defaults();
    private static final Instant SERVER = Instant.parse("2026-03-02T01:00:00Z");

    @ParameterizedTest(name = "{0},{1} to {2},{3} is {4} m")
    @CsvSource({
            // One degree of latitude on the mean sphere.
            "0, 0, 1, 0, 111195.08",
            // One degree of longitude at the equator is the same.
            "0, 0, 0, 1, 111195.08",
            // Monas (Jakarta) to Gedung Sate (Bandung): about 116 km.
            "-6.1754, 106.8272, -6.9025, 107.6188, 119098",
            "-6.1754, 106.8272, -6.1754, 106.8272, 0",
            // Across the antimeridian is short, not half the world.
            "0, 179.9995, 0, -179.9995, 111.2"})
    void haversineDistances(double lat1, double lon1, double lat2, double lon2, double meters) {
        assertEquals(meters, Geo.distanceMeters(lat1, lon1, lat2, lon2), Math.max(1.0, meters * 0.001));
    }

    @Test
    void aPointExactlyOnTheEdgeIsInside() {
        double lat = -6.1754;
        double lon = 106.8272;
        double edgeLat = lat + 0.001;
        double radius = Geo.distanceMeters(lat, lon, edgeLat, lon);
        assertTrue(new Circle(lat, lon, radius).contains(edgeLat, lon));
        assertFalse(new Circle(lat, lon, radius - 0.001).contains(edgeLat, lon));
    }

    @Test
    void officeGeofenceAcceptsAnyOfTheUnitsOffices() {
        UnitInfo unit = new UnitInfo("u", java.time.ZoneId.of("Asia/Jayapura"),
                List.of(new Circle(0, 0, 50), new Circle(-2.5337, 140.7181, 150)), java.time.LocalTime.of(23, 59));
        OfficerInfo officer = new OfficerInfo("198503152010011001", "u", unit.timeZone(), null, null);
        PlaceRules.requireInsideGeofence(AttendanceMode.OFFICE, new Position(-2.5340, 140.7180, 10), officer, unit);
        JedaException e = assertThrows(JedaException.class, () -> PlaceRules.requireInsideGeofence(
                AttendanceMode.OFFICE, new Position(-2.55, 140.7180, 10), officer, unit));
        assertEquals("OUTSIDE_GEOFENCE", e.reason());
    }

    @ParameterizedTest(name = "device {0} min from server -> {1}")
    @CsvSource({
            "0, NONE", "-5, NONE", "5, NONE", "-6, LATE_SYNC", "6, CLOCK_SKEW",
            "-4320, LATE_SYNC", "-4321, REFUSED", "600, CLOCK_SKEW"})
    void timeOfRecord(long deviceOffsetMinutes, String expected) {
        Instant device = SERVER.plus(Duration.ofMinutes(deviceOffsetMinutes));
        if (expected.equals("REFUSED")) {
            JedaException e = assertThrows(JedaException.class, () -> TimeOfRecord.decide(device, SERVER, S));
            assertEquals("LATE_SYNC_TOO_OLD", e.reason());
            return;
        }
        TimeOfRecord.Decision d = TimeOfRecord.decide(device, SERVER, S);
        switch (expected) {
            case "NONE" -> {
                assertEquals(Set.of(), d.flags());
                assertEquals(SERVER, d.recordTime());
            }
            case "LATE_SYNC" -> {
                assertEquals(Set.of(Flag.LATE_SYNC), d.flags());
                assertEquals(device, d.recordTime());
            }
            case "CLOCK_SKEW" -> {
                assertEquals(Set.of(Flag.CLOCK_SKEW), d.flags());
                assertEquals(SERVER, d.recordTime());
            }
            default -> throw new AssertionError(expected);
        }
    }

    @ParameterizedTest(name = "{0} allowed by [{1}]: {2}")
    @CsvSource({
            "OFFICE, OFFICE, true", "HOME, OFFICE, false", "HOME, OFFICE HOME, true", "OTHER, OFFICE, false",
            "OTHER, OFFICE OTHER_OFFICE, true", "OTHER, OFFICE OTHER, true", "OFFICE, '', false"})
    void modeAgainstTheSchedule(AttendanceMode mode, String places, boolean allowed) {
        Set<WorkPlace> set = places.isBlank() ? Set.of()
                : Set.copyOf(java.util.Arrays.stream(places.split(" ")).map(WorkPlace::valueOf).toList());
        ScheduleInfo s = new ScheduleInfo(LocalDate.of(2026, 3, 2), !set.isEmpty(), set, null, null, null, null, 450, "PLAN");
        assertEquals(allowed, s.allows(mode));
        if (!allowed) {
            assertEquals("MODE_NOT_ALLOWED", assertThrows(JedaException.class,
                    () -> PlaceRules.requireModeAllowed(mode, s)).reason());
        }
    }

    @Test
    void fingerprintChangesWithEverySemanticField() {
        CheckCommand base = new CheckCommand(EventKind.CHECK_IN, "198503152010011001", AttendanceMode.OFFICE, SERVER,
                new Position(-6.1, 106.8, 10), "phone", "k");
        assertEquals(base.fingerprint(), new CheckCommand(EventKind.CHECK_IN, "198503152010011001",
                AttendanceMode.OFFICE, SERVER, new Position(-6.1, 106.8, 10), "phone", "other-key").fingerprint());
        List<CheckCommand> changed = List.of(
                new CheckCommand(EventKind.CHECK_OUT, base.officerNip(), base.mode(), SERVER, base.position(), "phone", "k"),
                new CheckCommand(EventKind.CHECK_IN, base.officerNip(), AttendanceMode.HOME, SERVER, base.position(), "phone", "k"),
                new CheckCommand(EventKind.CHECK_IN, base.officerNip(), base.mode(), SERVER.plusMillis(1), base.position(), "phone", "k"),
                new CheckCommand(EventKind.CHECK_IN, base.officerNip(), base.mode(), SERVER, new Position(-6.1, 106.8, 11), "phone", "k"),
                new CheckCommand(EventKind.CHECK_IN, base.officerNip(), base.mode(), SERVER, base.position(), "tablet", "k"));
        for (CheckCommand c : changed) {
            assertFalse(base.fingerprint().equals(c.fingerprint()), c.toString());
        }
    }

    @Test
    void aDeviceTimeIsCheckedAgainstTheClockOffsetOfTheDevicesLastContact() {
        // Device 30 minutes fast at its last contact at 08:00 (server); the server receives at 09:00.
        var clock = new CheckCommand.DeviceClock(java.time.Duration.ofMinutes(-30), Instant.parse("2026-03-02T00:00:00Z"));
        Instant pressedAt0830 = Instant.parse("2026-03-02T01:00:00Z");
        assertFalse(TimeOfRecord.contradicts(pressedAt0830, clock, SERVER, S.maxClockSkew()));
        // Set back by two hours after the contact: before the contact.
        assertTrue(TimeOfRecord.contradicts(pressedAt0830.minus(java.time.Duration.ofHours(2)), clock, SERVER, S.maxClockSkew()));
        // Set forward: after the server received it.
        assertTrue(TimeOfRecord.contradicts(pressedAt0830.plus(java.time.Duration.ofHours(1)), clock, SERVER, S.maxClockSkew()));
        assertTrue(TimeOfRecord.decide(pressedAt0830.minus(java.time.Duration.ofHours(2)), clock, SERVER, S).flags()
                .contains(Flag.DEVICE_CLOCK_CHANGED));
        assertFalse(TimeOfRecord.decide(pressedAt0830, null, SERVER, S).flags().contains(Flag.DEVICE_CLOCK_CHANGED));
    }
}
