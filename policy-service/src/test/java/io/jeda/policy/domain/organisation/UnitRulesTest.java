package io.jeda.policy.domain.organisation;

import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;


import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Input rules shared by units, offices, positions and domiciles, without a database. */
class UnitRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "diskominfo", "dinas-2", "0-9", "a123456789012345678901234567890123456789012345678901234567890bc"})
    void acceptsIds(String id) {
        assertEquals(id, UnitRules.requireId(id, "unit_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Diskominfo", "dinas_2", "dinas 2", "dinas/2", "dinäs",
            "a1234567890123456789012345678901234567890123456789012345678901bc"})
    void refusesIds(String id) {
        JedaException e = assertThrows(JedaException.class, () -> UnitRules.requireId(id, "unit_id"));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertEquals("INVALID_ID", e.reason());
        assertEquals("unit_id", e.metadata().get("field"));
    }

    @ParameterizedTest(name = "({0}, {1}) r={2} -> {3}")
    @CsvSource(nullValues = "NULL", value = {
            "-2.87,   108.28,  150,    NULL",
            "90,      180,     1,      NULL",
            "-90,     -180,    100000, NULL",
            "90.0001, 0,       10,     center.latitude",
            "-91,     0,       10,     center.latitude",
            "NaN,     0,       10,     center.latitude",
            "0,       180.5,   10,     center.longitude",
            "0,       -181,    10,     center.longitude",
            "0,       NaN,     10,     center.longitude",
            "0,       0,       0,      radius_meters",
            "0,       0,       -5,     radius_meters",
            "0,       0,       100001, radius_meters",
    })
    void geofencesMustBeRealCircles(double lat, double lon, int radius, String wrongField) {
        if (wrongField == null) {
            assertDoesNotThrow(() -> UnitRules.requireGeofence(lat, lon, radius, "domicile"));
            return;
        }
        JedaException e = assertThrows(JedaException.class, () -> UnitRules.requireGeofence(lat, lon, radius, "domicile"));
        assertEquals("INVALID_GEOFENCE", e.reason());
        assertEquals("domicile." + wrongField, e.metadata().get("field"));
    }
}
