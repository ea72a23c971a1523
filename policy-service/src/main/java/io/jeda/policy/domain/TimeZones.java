package io.jeda.policy.domain;

import io.jeda.common.error.JedaException;

import java.time.ZoneId;
import java.util.List;

/** The three time zones of Indonesia, the only ones a unit may have. */
public final class TimeZones {

    /** WIB, WITA, WIT. */
    public static final List<String> ALLOWED = List.of("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura");

    private TimeZones() {
    }

    /** @throws JedaException INVALID_ARGUMENT (INVALID_TIME_ZONE) for any other zone */
    public static ZoneId require(String zone) {
        if (zone == null || !ALLOWED.contains(zone)) {
            throw JedaException.invalidArgument("INVALID_TIME_ZONE",
                    "time zone must be one of " + String.join(", ", ALLOWED) + ", got '" + zone + "'",
                    "field", "time_zone", "value", String.valueOf(zone));
        }
        return ZoneId.of(zone);
    }
}
