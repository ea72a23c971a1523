package io.jeda.gateway.web;

import java.time.ZoneId;
import java.util.Map;

/** The Indonesian names of the country's three time zones, which Java's locale data does not always give. */
public final class ZoneLabels {

    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

    private ZoneLabels() {
    }

    /** WIB, WITA or WIT; for another zone its id. */
    public static String abbreviation(ZoneId zone) {
        return ABBREVIATIONS.getOrDefault(zone.getId(), zone.getId());
    }
}
