package io.jeda.gateway.reachability;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The few facts about an officer the engine needs before anything else: the zone that turns the
 * asked instant into a local date, the unit whose rosters cover for them, and the direct manager (a
 * last resort for {@code contact_instead}).
 *
 * @param unitId     the unit, without the {@code units/} prefix
 * @param managerNip the direct manager (atasan langsung), or null
 */
public record OfficerProfile(String nip, String displayName, String unitId, ZoneId zone, String managerNip) {

    public OfficerProfile {
        Objects.requireNonNull(nip, "nip");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(zone, "zone");
    }
}
