package io.jeda.attendance.domain;

import io.micronaut.core.annotation.Nullable;

import java.time.ZoneId;

/**
 * The parts of an officer's record attendance uses.
 *
 * @param managerNip the direct manager's NIP, or null
 * @param domicile   the recorded domicile (personal data), or null when none is recorded
 * @param displayName the name policy-service records (empty when unknown)
 */
public record OfficerInfo(String nip, String unitId, ZoneId timeZone, @Nullable String managerNip,
                          @Nullable Circle domicile, String displayName) {

    public OfficerInfo(String nip, String unitId, ZoneId timeZone, @Nullable String managerNip,
                       @Nullable Circle domicile) {
        this(nip, unitId, timeZone, managerNip, domicile, "");
    }
}
